import { Mark, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    note: {
      toggleNote: () => ReturnType;
    };
  }
}

/**
 * 批注: the writer's or editor's remark inside the copy. docText leaves it out of counts and
 * print. Typing continues a note as it does bold; the arrow key past its end steps out of it.
 */
export const NoteMark = Mark.create({
  name: 'note',
  exitable: true,
  parseHTML() {
    return [{ tag: 'span[data-note]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-note': '', class: 'editor-note' }), 0];
  },
  addCommands() {
    return {
      toggleNote:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => this.editor.commands.toggleNote(),
    };
  },
});
