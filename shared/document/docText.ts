import type { DocNode } from './docTypes';

export type BlockKind = 'p' | 'h' | 'quote' | 'li';

export interface TextBlock {
  kind: BlockKind;
  text: string;
}

function inlineText(node: DocNode): string {
  if (node.type === 'text') {
    // Notes are the editor's private remarks: neither counted nor printed.
    if (node.marks?.some((m) => m.type === 'note')) return '';
    return node.text ?? '';
  }
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

function collect(node: DocNode, kind: BlockKind, out: TextBlock[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push({ kind, text: inlineText(node) });
      return;
    case 'heading':
      out.push({ kind: 'h', text: inlineText(node) });
      return;
    case 'blockquote':
      for (const child of node.content ?? []) collect(child, 'quote', out);
      return;
    case 'listItem':
      for (const child of node.content ?? []) collect(child, 'li', out);
      return;
    default:
      for (const child of node.content ?? []) collect(child, kind, out);
  }
}

/** The printable blocks of a body, in order, notes removed. */
export function docToBlocks(doc: DocNode): TextBlock[] {
  const out: TextBlock[] = [];
  collect(doc, 'p', out);
  return out;
}

/** Non-empty printable paragraphs (subheads included): what counts and copy-fit read. */
export function docToParagraphs(doc: DocNode): string[] {
  return docToBlocks(doc)
    .map((b) => b.text.trim())
    .filter((t) => t.length > 0);
}

export function docToPlainText(doc: DocNode): string {
  return docToParagraphs(doc).join('\n');
}

function textNodes(text: string): DocNode[] {
  return text.length > 0 ? [{ type: 'text', text }] : [];
}

/** Builds a body from plain blocks: used by import, the demo newsroom and the CLI. */
export function blocksToDoc(blocks: TextBlock[]): DocNode {
  const content: DocNode[] = [];
  for (const block of blocks) {
    if (block.kind === 'h') {
      content.push({ type: 'heading', attrs: { level: 3 }, content: textNodes(block.text) });
    } else if (block.kind === 'quote') {
      content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: textNodes(block.text) }] });
    } else if (block.kind === 'li') {
      content.push({
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: textNodes(block.text) }] }],
      });
    } else {
      content.push({ type: 'paragraph', content: textNodes(block.text) });
    }
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}
