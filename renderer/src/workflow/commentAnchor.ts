import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import type { CommentAnchor } from '../../../shared/collaboration/types';

/**
 * A comment's place in the body as the main side checks it (shared/document/docText): the n-th
 * textblock and offsets into its printable text, where notes are left out and a line break is
 * one character. Editor positions are translated both ways here.
 */

function isNote(node: PMNode): boolean {
  return node.marks.some((m) => m.type.name === 'note');
}

/** Printable characters of `block` before `parentOffset`. */
function printableOffset(block: PMNode, parentOffset: number): number {
  let offset = 0;
  block.forEach((child, at) => {
    if (at >= parentOffset) return;
    const inside = Math.min(child.nodeSize, parentOffset - at);
    if (child.isText) {
      if (!isNote(child)) offset += inside;
    } else if (child.type.name === 'hardBreak') {
      offset += 1;
    }
  });
  return offset;
}

/** The position inside `block` (relative to its content) of a printable offset. */
function parentOffsetOf(block: PMNode, printable: number): number {
  let left = printable;
  let result = block.content.size;
  let found = false;
  block.forEach((child, at) => {
    if (found) return;
    const size = child.isText ? (isNote(child) ? 0 : child.nodeSize) : child.type.name === 'hardBreak' ? 1 : 0;
    if (left <= size && size > 0) {
      result = at + (child.isText ? left : left === 0 ? 0 : child.nodeSize);
      found = true;
      return;
    }
    left -= size;
  });
  return found ? result : block.content.size;
}

/** Every textblock with its document position, in the order docToBlocks reads them. */
function textblocks(doc: PMNode): { node: PMNode; pos: number }[] {
  const out: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ node, pos });
      return false;
    }
    return true;
  });
  return out;
}

/** The anchor of the selection, or null when nothing printable is selected. A selection over several paragraphs anchors to its first. */
export function anchorOfSelection(state: EditorState): CommentAnchor | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const $from = state.doc.resolve(from);
  if (!$from.parent.isTextblock) return null;
  const block = $from.parent;
  const blockStart = $from.start();
  const endInBlock = Math.min(to, blockStart + block.content.size) - blockStart;
  const start = printableOffset(block, $from.parentOffset);
  const end = printableOffset(block, endInBlock);
  if (end <= start) return null;
  const paragraph = textblocks(state.doc).findIndex((b) => b.pos === $from.before());
  if (paragraph < 0) return null;
  const quote = state.doc.textBetween(from, blockStart + endInBlock, '\n').slice(0, 500);
  return { paragraph, start, end, quote };
}

/** The editor range an anchor points at now, or null when its paragraph is gone. */
export function rangeOfAnchor(doc: PMNode, anchor: CommentAnchor): { from: number; to: number } | null {
  const block = textblocks(doc)[anchor.paragraph];
  if (!block) return null;
  const contentStart = block.pos + 1;
  return {
    from: contentStart + parentOffsetOf(block.node, anchor.start),
    to: contentStart + parentOffsetOf(block.node, Math.max(anchor.start, anchor.end)),
  };
}
