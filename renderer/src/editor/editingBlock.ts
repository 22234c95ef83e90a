import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Marks the top-level blocks the selection is in with `is-editing`. The body's blocks use
 * `content-visibility: auto` so a 200,000-character story lays out only what is on screen, but
 * Chromium misplaces the caret when text goes into such a block before its first layout (a
 * paragraph just made with Enter): the block being edited is therefore always laid out.
 */
export const EditingBlock = Extension.create({
  name: 'editingBlock',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('editingBlock'),
        props: {
          decorations({ doc, selection }) {
            const $from = doc.resolve(selection.from);
            const last = Math.min(doc.resolve(selection.to).index(0), doc.childCount - 1);
            const decorations: Decoration[] = [];
            for (let index = $from.index(0), pos = $from.posAtIndex(index, 0); index <= last; index += 1) {
              const size = doc.child(index).nodeSize;
              decorations.push(Decoration.node(pos, pos + size, { class: 'is-editing' }));
              pos += size;
            }
            return DecorationSet.create(doc, decorations);
          },
        },
      }),
    ];
  },
});
