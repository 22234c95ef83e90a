import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Input the browser puts into the text itself, scrolling the caret into view as it does. */
const BROWSER_TYPED = new Set(['insertText', 'insertCompositionText']);

/**
 * Text the browser typed itself (a key, an IME commit) is scrolled into view by the browser before
 * ProseMirror reads it from the page. ProseMirror then scrolls to the selection again, which only
 * measures the caret and every ancestor once more (style and layout reads on each keystroke) to
 * find nothing to do. That second scroll is skipped once, for the transaction read from such
 * input; Enter, paste, commands, undo and anything ProseMirror reads later still scroll as
 * ProseMirror does (the next key press, or the end of the input's task, forgets the input).
 */
export const TypedTextScroll = Extension.create({
  name: 'typedTextScroll',
  addProseMirrorPlugins() {
    let browserTyped = false;
    return [
      new Plugin({
        key: new PluginKey('typedTextScroll'),
        props: {
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (BROWSER_TYPED.has(event.inputType) && !browserTyped) {
                browserTyped = true;
                setTimeout(() => (browserTyped = false), 0);
              }
              return false;
            },
          },
          handleKeyDown: () => {
            browserTyped = false;
            return false;
          },
          handleScrollToSelection: () => {
            const skip = browserTyped;
            browserTyped = false;
            return skip;
          },
        },
      }),
    ];
  },
});
