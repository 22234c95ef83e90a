/**
 * Paragraph repair on its own, for callers that only want clean paragraphs back.
 */
import { buildBlocks, type Block } from './blocks';
import { splitPhotoCredit } from './credits';
import { analyzeLines, DEFAULT_LIMITS } from './lineInfo';
import { tidyProse } from './prose';
import { collapseCjkSpaces } from './spacing';

/** Prose loses its stray spaces; a 电头 and a photo credit keep the one between role and name. */
function tidyBlock(b: Block): string {
  if (b.kind !== 'text' && b.kind !== 'caption' && b.kind !== 'subhead') return b.text;
  if (b.dateline) return tidyProse(b.text);
  const credited = b.kind === 'subhead' ? null : splitPhotoCredit(b.text);
  if (credited) {
    const gap = /\s/.test(b.text.charAt(credited.text.length)) ? ' ' : '';
    return collapseCjkSpaces(credited.text) + gap + credited.credit;
  }
  return collapseCjkSpaces(b.text);
}

/**
 * Joins lines that OCR or PDF extraction broke mid-sentence, drops first-line indents and blank
 * lines, undoes letter-spacing and removes spaces between Han characters. A line is joined to the
 * one before when that one does not end a sentence and this one does not open a paragraph
 * (indent, blank line before, 小标题, caption, credit, jump line, 电头). Nothing is dropped:
 * jump lines, credits and 小标题 come back as paragraphs of their own.
 */
export function repairParagraphs(lines: readonly string[]): string[] {
  try {
    const { blocks } = buildBlocks(analyzeLines(lines, DEFAULT_LIMITS), DEFAULT_LIMITS);
    return blocks.map(tidyBlock).filter((t) => t !== '');
  } catch {
    return lines.map((l) => l.trim()).filter((l) => l !== '');
  }
}
