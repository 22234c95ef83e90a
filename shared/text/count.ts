/**
 * Chinese character counts (字数, §4) and copy-fit cells (§3).
 *
 * 字数 rules (what WPS/Word 字数统计 users expect):
 * - a Han character, kana/hangul syllable, full-width form or full-width/CJK mark counts 1;
 * - a maximal run of half-width letters/digits counts 1 ("iPhone15" = 1); a '.' or ',' between two
 *   digits stays inside the run ("3.5", "1,000" = 1);
 * - every other non-space symbol counts 1 on its own: "5%" = 2, "COVID-19" = 3 (COVID, -, 19);
 *   half-width punctuation is not silently dropped because a proofreader counts it;
 * - whitespace (including U+3000) counts 0;
 * - one code point is one character even when it is a surrogate pair (Ext B Han, emoji);
 *   combining marks, variation selectors, skin tones and ZWJ-joined emoji add nothing;
 *   a flag (two regional indicators) counts 1.
 *
 * Cells: how many full-width character cells the text takes on the page grid. Han, full-width
 * marks, —, … and U+3000 take 1 (so —— and …… take 2); half-width letters, digits, punctuation
 * and spaces take 0.5 (font-dependent, §3 [INF]).
 */
import { classify, isRegionalIndicator } from './charClass';

export interface ParagraphStats {
  /** 字数 */
  chars: number;
  /** full-width cells, multiples of 0.5 */
  cells: number;
}

export interface TextStats extends ParagraphStats {
  /** non-blank paragraphs */
  paragraphs: number;
}

const ZWJ = 0x200d;

function isAsciiDigit(cp: number | undefined): boolean {
  return cp !== undefined && cp >= 0x30 && cp <= 0x39;
}

export function countChars(text: string): number {
  let count = 0;
  let inRun = false;
  let prevCp: number | undefined;
  let afterZwj = false;
  let openFlag = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    i += width;
    if (afterZwj) {
      afterZwj = false;
      continue;
    }
    if (cp === ZWJ) {
      afterZwj = true;
      continue;
    }
    const cls = classify(cp);
    if (cls === 'extend') continue;
    if (isRegionalIndicator(cp)) {
      inRun = false;
      if (!openFlag) count++;
      openFlag = !openFlag;
      prevCp = cp;
      continue;
    }
    openFlag = false;
    if (cls === 'word') {
      if (!inRun) count++;
      inRun = true;
    } else if (
      inRun &&
      (cp === 0x2e || cp === 0x2c) &&
      isAsciiDigit(prevCp) &&
      isAsciiDigit(text.codePointAt(i))
    ) {
      // decimal point / thousands separator inside a number: still the same run
    } else {
      inRun = false;
      if (cls !== 'space' && cls !== 'ideographic-space') count++;
    }
    prevCp = cp;
  }
  return count;
}

/** Cells of one code point; ZWJ sequences and flags are handled by the callers' loops. */
function cellsOf(cp: number): number {
  switch (classify(cp)) {
    case 'han':
    case 'wide':
    case 'ideographic-space':
      return 1;
    case 'word':
    case 'narrow':
      return 0.5;
    case 'space':
      // a line break inside a paragraph string is not printed
      return cp === 0x0a || cp === 0x0d ? 0 : 0.5;
    case 'extend':
      return 0;
  }
}

/**
 * Walks `text` code point by code point, calling `visit(index, cells)` with the UTF-16 index where
 * each printed character starts and the cells it takes (0 for the parts of an emoji sequence).
 * Returns false from `visit` to stop.
 */
function walkCells(text: string, start: number, visit: (index: number, cells: number) => boolean): void {
  let afterZwj = false;
  let openFlag = false;
  for (let i = start; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const index = i;
    i += cp > 0xffff ? 2 : 1;
    let cells: number;
    if (afterZwj) {
      afterZwj = false;
      cells = 0;
    } else if (cp === ZWJ) {
      afterZwj = true;
      cells = 0;
    } else if (isRegionalIndicator(cp)) {
      cells = openFlag ? 0 : 1;
      openFlag = !openFlag;
    } else {
      openFlag = false;
      cells = cellsOf(cp);
    }
    if (!visit(index, cells)) return;
  }
}

export function countCells(text: string): number {
  let total = 0;
  walkCells(text, 0, (_i, cells) => {
    total += cells;
    return true;
  });
  return total;
}

/**
 * Stats of one paragraph, the unit an editor caches. Cells ignore leading and trailing whitespace:
 * layout applies the indent itself, so a hand-typed "　　" indent must not count twice.
 */
export function paragraphStats(paragraph: string): ParagraphStats {
  return { chars: countChars(paragraph), cells: countCells(paragraph.trim()) };
}

export function countParagraphs(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) if (p.trim() !== '') n++;
  return n;
}

export function textStats(paragraphs: readonly string[]): TextStats {
  let chars = 0;
  let cells = 0;
  let count = 0;
  for (const p of paragraphs) {
    const s = paragraphStats(p);
    chars += s.chars;
    cells += s.cells;
    if (s.cells > 0) count++;
  }
  return { chars, cells, paragraphs: count };
}

function assertLineWidth(cpl: number, indent: number): void {
  if (!(Number.isFinite(cpl) && cpl > 0)) {
    throw new RangeError(`每行字数 cpl 必须是大于 0 的数，收到 ${String(cpl)}`);
  }
  if (!(Number.isFinite(indent) && indent >= 0)) {
    throw new RangeError(`段首缩进必须是不小于 0 的数，收到 ${String(indent)}`);
  }
}

/** Lines one paragraph of `cells` takes: ⌈(indent + cells) / cpl⌉, 0 for a blank paragraph. */
export function paragraphLines(cells: number, cpl: number, indent = 2): number {
  assertLineWidth(cpl, indent);
  return cells > 0 ? Math.ceil((indent + cells) / cpl) : 0;
}

/** Σ ⌈(indent + cells_i) / cpl⌉ over precomputed paragraph cells (the cached path). */
export function linesForCells(cells: readonly number[], cpl: number, indent = 2): number {
  assertLineWidth(cpl, indent);
  let lines = 0;
  for (const c of cells) if (c > 0) lines += Math.ceil((indent + c) / cpl);
  return lines;
}

/** Body lines at a column width of `cpl` characters (§3). Throws RangeError when cpl ≤ 0. */
export function bodyLines(paragraphs: readonly string[], cpl: number, indent = 2): number {
  return linesForCells(
    paragraphs.map((p) => paragraphStats(p).cells),
    cpl,
    indent,
  );
}

/**
 * UTF-16 index in `paragraph` of the first character that no longer fits once `roomCells`
 * cells are used (leading whitespace skipped, as in paragraphStats). Returns paragraph.length
 * when everything fits. Used to mark where the overset begins.
 */
export function offsetAtCells(paragraph: string, roomCells: number): number {
  const start = paragraph.length - paragraph.trimStart().length;
  let used = 0;
  let found = paragraph.length;
  walkCells(paragraph, start, (index, cells) => {
    if (cells > 0 && used + cells > roomCells) {
      found = index;
      return false;
    }
    used += cells;
    return true;
  });
  return found;
}
