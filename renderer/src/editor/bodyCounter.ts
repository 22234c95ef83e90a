import type { Node as PMNode } from '@tiptap/pm/model';
import { createParagraphStatsCache, type ParagraphStatsCache } from '../../../shared/text/statsCache';

/** What docText + textStats report for the same body, plus the per-paragraph cells copy-fit needs. */
export interface BodyCounts {
  chars: number;
  cells: number;
  paragraphs: number;
  /** cells of each printed paragraph, in order */
  paragraphCells: number[];
}

export const EMPTY_COUNTS: BodyCounts = { chars: 0, cells: 0, paragraphs: 0, paragraphCells: [] };

interface Entry {
  text: string;
  chars: number;
  cells: number;
}

/** Printable text of one textblock, as shared/document/docText reads it: notes out, breaks as \n. */
function printable(block: PMNode): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) {
      if (!child.marks.some((m) => m.type.name === 'note')) text += child.text ?? '';
    } else if (child.type.name === 'hardBreak') {
      text += '\n';
    }
  });
  return text.trim();
}

/**
 * Counts a ProseMirror document incrementally. ProseMirror shares every untouched node between
 * versions, so a textblock seen before is a WeakMap hit: a keystroke recounts one paragraph.
 * Text-keyed statsCache catches what identity misses (undo, reload, pasted repeats).
 */
export function createBodyCounter(cache: ParagraphStatsCache = createParagraphStatsCache(20_000)): (doc: PMNode) => BodyCounts {
  const byNode = new WeakMap<PMNode, Entry>();
  const entryOf = (block: PMNode): Entry => {
    let entry = byNode.get(block);
    if (!entry) {
      const text = printable(block);
      const stats = text === '' ? { chars: 0, cells: 0 } : cache.stats(text);
      entry = { text, chars: stats.chars, cells: stats.cells };
      byNode.set(block, entry);
    }
    return entry;
  };
  return (doc) => {
    const counts: BodyCounts = { chars: 0, cells: 0, paragraphs: 0, paragraphCells: [] };
    doc.descendants((node) => {
      if (!node.isTextblock) return true;
      const entry = entryOf(node);
      if (entry.text !== '') {
        counts.chars += entry.chars;
        counts.cells += entry.cells;
        if (entry.cells > 0) {
          counts.paragraphs += 1;
          counts.paragraphCells.push(entry.cells);
        }
      }
      return false;
    });
    return counts;
  };
}

/** The first printed paragraph, which the 电头 runs into. */
export function firstParagraph(node: PMNode): string {
  for (let i = 0; i < node.childCount; i += 1) {
    const child = node.child(i);
    const text = child.isTextblock ? printable(child) : firstParagraph(child);
    if (text !== '') return text;
  }
  return '';
}
