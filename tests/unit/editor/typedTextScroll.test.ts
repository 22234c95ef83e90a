// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { createBodyExtensions } from '../../../renderer/src/editor/bodyExtensions';

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length > 0) editors.pop()!.destroy();
});

function makeEditor(): Editor {
  const element = document.createElement('div');
  document.body.appendChild(element);
  const editor = new Editor({ element, content: '<p>江城</p>', extensions: createBodyExtensions({ onRefused: () => undefined, onBusy: () => () => undefined }) });
  editors.push(editor);
  return editor;
}

/** What ProseMirror asks before scrolling to the selection: true means a handler took care of it. */
function scrollHandled(editor: Editor): boolean {
  return editor.view.someProp('handleScrollToSelection', (f) => f(editor.view)) === true;
}

function beforeInput(editor: Editor, inputType: string): void {
  editor.view.dom.dispatchEvent(new InputEvent('beforeinput', { inputType, data: 'a', bubbles: true, cancelable: true }));
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('scrolling after typing', () => {
  it('leaves the text the browser typed to the browser, once, and within that input only', async () => {
    const editor = makeEditor();
    expect(scrollHandled(editor)).toBe(false);
    beforeInput(editor, 'insertText');
    expect(scrollHandled(editor)).toBe(true);
    expect(scrollHandled(editor)).toBe(false);
    beforeInput(editor, 'insertCompositionText');
    await nextTask();
    expect(scrollHandled(editor)).toBe(false);
    // A busy window can run the next key before the input's task ends: Enter still scrolls.
    beforeInput(editor, 'insertText');
    editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(scrollHandled(editor)).toBe(false);
  });

  it('still scrolls for input the browser does not reveal itself', async () => {
    const editor = makeEditor();
    for (const inputType of ['insertParagraph', 'insertFromPaste', 'deleteContentBackward', 'historyUndo']) {
      beforeInput(editor, inputType);
      expect(scrollHandled(editor), inputType).toBe(false);
    }
  });
});
