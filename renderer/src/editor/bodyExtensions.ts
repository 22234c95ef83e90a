import StarterKit from '@tiptap/starter-kit';
import type { Extensions } from '@tiptap/core';
import { NoteMark } from './noteMark';
import { CleanPaste, type CleanPasteOptions } from './pasteExtension';
import { EditingBlock } from './editingBlock';
import { TypedTextScroll } from './typedTextScroll';

/**
 * Exactly the body schema the main side accepts (shared/document/docSchema):
 * paragraphs, 小标题 (h3), bold, italic, lists, block quotes and the 批注 note mark.
 */
export function createBodyExtensions(paste: CleanPasteOptions): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [3] },
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      link: false,
      underline: false,
    }),
    NoteMark,
    CleanPaste.configure(paste),
    EditingBlock,
    TypedTextScroll,
  ];
}
