/**
 * The page proof (大样) as text placed on the page: each line the proof sets, where it stands (in
 * points from the page's top left) and which characters of the story it holds. The proof renderer
 * reports every line it draws; the 校对 screen draws the same lines, so a mark made on screen is
 * pinned to the place the printed proof shows — page, slot, field, paragraph and offset.
 */
import type { SetLine } from './typeset';

/** The fields a proof mark can point into: the headline stack and the body. */
export const PROOF_FIELDS = ['kicker', 'headline', 'subheadline', 'body'] as const;
export type ProofField = (typeof PROOF_FIELDS)[number];

interface ProofRunSource {
  articleId: string;
  field: ProofField;
  /**
   * body: index into the blocks the story prints (shared/layout/printedText printedBlocks: the byline
   * line, the paragraphs and 小标题 with the 电头 running into the first, the end credit closing the
   * last); headline parts: 0
   */
  paragraph: number;
  /** UTF-16 offset of the run's first character in that block or headline part */
  start: number;
}

export interface ProofRun {
  slotId: string;
  x: number;
  y: number;
  /** type size in points */
  size: number;
  /** points added between characters (a justified line is spread to the measure) */
  spacing: number;
  text: string;
  source: ProofRunSource | null;
}

/**
 * Where each set line starts in its paragraph: breaking a paragraph moves characters between lines
 * but never adds or drops one, so the lines, in order, spell the non-blank paragraphs. A line that
 * does not match (a breaker that changed the text) and all after it get null.
 */
export function lineSources(paragraphs: readonly string[], lines: readonly SetLine[]): ({ paragraph: number; start: number } | null)[] {
  const out: ({ paragraph: number; start: number } | null)[] = [];
  let p = paragraphs.findIndex((t) => t.trim() !== '');
  let pos = 0;
  let lost = false;
  for (const line of lines) {
    const text = paragraphs[p];
    if (lost || text === undefined || !text.startsWith(line.text, pos)) {
      lost = true;
      out.push(null);
      continue;
    }
    out.push({ paragraph: p, start: pos });
    pos += line.text.length;
    if (pos >= text.length) {
      pos = 0;
      do p += 1;
      while (p < paragraphs.length && paragraphs[p]!.trim() === '');
    }
  }
  return out;
}
