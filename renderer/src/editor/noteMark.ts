import { Mark, mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    note: {
      toggleNote: () => ReturnType;
    };
  }
}

/**
 * 批注: the writer's or editor's remark inside the copy. docText leaves it out of counts and
 * print. Typing continues a note as it does bold, while the note is being typed; the arrow key
 * past its end steps out of it. A cursor put just after a note (a click, the arrow keys, End)
 * writes the copy, not more note: a note often closes a paragraph, and what is typed after it
 * there belongs to the paragraph.
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
  addProseMirrorPlugins() {
    const note = this.type;
    return [
      new Plugin({
        key: new PluginKey('noteEnd'),
        appendTransaction(transactions, _before, state) {
          // Only a cursor that moved without typing; typing in a note goes on in it.
          if (transactions.some((tr) => tr.docChanged) || !transactions.some((tr) => tr.selectionSet)) return null;
          const { empty, $from } = state.selection;
          if (!empty || state.storedMarks) return null;
          const before = $from.nodeBefore;
          const after = $from.nodeAfter;
          if (!before || !note.isInSet(before.marks) || (after && note.isInSet(after.marks))) return null;
          return state.tr.setStoredMarks(note.removeFromSet($from.marks()));
        },
      }),
    ];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => this.editor.commands.toggleNote(),
    };
  },
});
