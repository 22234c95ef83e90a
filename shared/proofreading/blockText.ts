/**
 * The printable text of one textblock and the way back from a text offset to a position inside
 * the block. Findings carry offsets into the printable text; the editor needs document positions,
 * and the two differ wherever the block holds something that does not print (an editor's note)
 * or prints differently from its size (a hard break is one position and one '\n').
 */
import type { DocNode } from '../document/docTypes';
import { textHash } from './hash';

export interface InlinePiece {
  /** what prints: '' for a note or any other inline leaf that prints nothing */
  printed: string;
  /** positions it takes in the document */
  size: number;
}

interface Segment {
  textStart: number;
  contentStart: number;
  length: number;
}

export interface BlockText {
  text: string;
  hash: string;
  /** the printed pieces that map one text character to one position */
  segments: readonly Segment[];
  /** positions the block's content takes */
  contentSize: number;
}

export function blockText(pieces: Iterable<InlinePiece>): BlockText {
  const segments: Segment[] = [];
  const parts: string[] = [];
  let textLength = 0;
  let content = 0;
  for (const piece of pieces) {
    if (piece.printed !== '') {
      const length = Math.min(piece.printed.length, piece.size);
      segments.push({ textStart: textLength, contentStart: content, length });
      parts.push(piece.printed.slice(0, length));
      textLength += length;
    }
    content += piece.size;
  }
  const text = parts.join('');
  return { text, hash: textHash(text), segments, contentSize: content };
}

/**
 * Offset inside the block's content of text index `index`. 'start' gives the position before the
 * character, 'end' the position after the previous one: they differ only across a note, and
 * picking the side keeps a highlighted span from swallowing the note beside it.
 */
export function contentOffset(block: BlockText, index: number, side: 'start' | 'end'): number {
  const segments = block.segments;
  if (segments.length === 0) return 0;
  let lo = 0;
  let hi = segments.length - 1;
  const probe = side === 'end' ? index - 1 : index;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.textStart <= probe) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo]!;
  if (side === 'end') {
    if (index <= 0) return segments[0]!.contentStart;
    return seg.contentStart + Math.min(index - seg.textStart, seg.length);
  }
  if (index >= block.text.length) {
    const last = segments[segments.length - 1]!;
    return last.contentStart + last.length;
  }
  return seg.contentStart + Math.max(0, index - seg.textStart);
}

/** True when text[start, end) is one run in the document, with nothing unprinted inside it. */
export function isContiguous(block: BlockText, start: number, end: number): boolean {
  if (end <= start) return true;
  return contentOffset(block, end, 'end') - contentOffset(block, start, 'start') === end - start;
}

/** Notes are the editor's private remarks (as in docText): they neither print nor get checked. */
function pieceOfJson(node: DocNode): InlinePiece {
  if (node.type === 'text') {
    const text = node.text ?? '';
    const isNote = node.marks?.some((m) => m.type === 'note') ?? false;
    return { printed: isNote ? '' : text, size: text.length };
  }
  return { printed: node.type === 'hardBreak' ? '\n' : '', size: 1 };
}

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

/** Every textblock of a stored body, in document order, blank ones included. */
export function docTextblocks(doc: DocNode): BlockText[] {
  const out: BlockText[] = [];
  const walk = (node: DocNode): void => {
    if (TEXTBLOCKS.has(node.type)) {
      out.push(blockText((node.content ?? []).map(pieceOfJson)));
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return out;
}
