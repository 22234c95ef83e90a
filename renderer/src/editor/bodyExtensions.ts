import StarterKit from '@tiptap/starter-kit';

/**
 * Exactly the body schema the main side accepts (shared/document/docSchema):
 * paragraphs, 小标题 (h3), bold, italic, lists and block quotes.
 */
export const bodyExtensions = [
  StarterKit.configure({
    heading: { levels: [3] },
    code: false,
    codeBlock: false,
    strike: false,
    horizontalRule: false,
    link: false,
    underline: false,
  }),
];
