import type { ProofField, ProofRun } from '../../../shared/layout/proofRuns';
import type { ProofMark } from '../../../shared/proofreading/proofDesk';

/** A place on the proof a mark can be pinned to: the characters start…end of one paragraph of one story. */
export interface ProofAnchor {
  slotId: string;
  articleId: string;
  field: ProofField;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
}

/** The printed characters of one paragraph (or headline part) on this page: `base` is the offset of `text`'s first. */
export interface PrintedParagraph {
  key: string;
  slotId: string;
  articleId: string;
  field: ProofField;
  paragraph: number;
  base: number;
  text: string;
}

const paragraphKey = (s: { articleId: string; field: ProofField; paragraph: number }) => `${s.articleId}|${s.field}|${s.paragraph}`;

/**
 * The proof's lines joined back into the paragraphs they print, in page order. Characters before
 * offset 0 (a 电头 set ahead of the body) belong to no field and are left out.
 */
export function printedParagraphs(runs: readonly ProofRun[]): PrintedParagraph[] {
  const byKey = new Map<string, PrintedParagraph>();
  for (const run of runs) {
    const src = run.source;
    if (!src) continue;
    const skip = Math.max(0, -src.start);
    const start = src.start + skip;
    const text = run.text.slice(skip);
    if (text === '') continue;
    const key = paragraphKey(src);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { key, slotId: run.slotId, articleId: src.articleId, field: src.field, paragraph: src.paragraph, base: start, text });
    else if (start === seen.base + seen.text.length) seen.text += text;
  }
  return [...byKey.values()];
}

/** The first place on the page printing `quote`, searching in page order; null when it is not there. */
export function findOnProof(paragraphs: readonly PrintedParagraph[], quote: string): { anchor: ProofAnchor; occurrences: number } | null {
  let first: ProofAnchor | null = null;
  let occurrences = 0;
  if (quote === '') return null;
  for (const p of paragraphs) {
    for (let at = p.text.indexOf(quote); at >= 0; at = p.text.indexOf(quote, at + 1)) {
      occurrences += 1;
      first ??= { slotId: p.slotId, articleId: p.articleId, field: p.field, paragraph: p.paragraph, start: p.base + at, end: p.base + at + quote.length, quote };
    }
  }
  return first ? { anchor: first, occurrences } : null;
}

/** The anchor of a selection between two characters of the proof, or null across paragraphs. */
export function anchorBetween(paragraphs: readonly PrintedParagraph[], from: { run: ProofRun; offset: number }, to: { run: ProofRun; offset: number }): ProofAnchor | null {
  const a = from.run.source;
  const b = to.run.source;
  if (!a || !b || paragraphKey(a) !== paragraphKey(b)) return null;
  const printed = paragraphs.find((p) => p.key === paragraphKey(a));
  if (!printed) return null;
  const one = Math.max(printed.base, a.start + from.offset);
  const two = Math.max(printed.base, b.start + to.offset);
  const start = Math.min(one, two);
  const end = Math.max(one, two);
  const quote = printed.text.slice(start - printed.base, end - printed.base);
  if (quote.trim() === '') return null;
  return { slotId: printed.slotId, articleId: printed.articleId, field: printed.field, paragraph: printed.paragraph, start, end, quote };
}

/** The run-local character ranges of the marks still standing that fall in `run`, with each mark's number. */
export function marksInRun(run: ProofRun, marks: readonly { mark: ProofMark; number: number }[]): { from: number; to: number; number: number; status: ProofMark['status'] }[] {
  const src = run.source;
  if (!src) return [];
  const out: { from: number; to: number; number: number; status: ProofMark['status'] }[] = [];
  for (const { mark, number } of marks) {
    if (mark.status === 'checked' || paragraphKey(mark) !== paragraphKey(src)) continue;
    const from = Math.max(0, mark.start - src.start);
    const to = Math.min(run.text.length, mark.end - src.start);
    if (to > from) out.push({ from, to, number, status: mark.status });
  }
  return out.sort((x, y) => x.from - y.from);
}
