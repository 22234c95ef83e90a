/**
 * A simplified typesetting for the page proof (大样): good enough to proofread, not for the press.
 *
 * Paragraphs are broken into lines of `cpl` cells (Han and full-width marks 1, Latin and digits ½ —
 * or what the proof's font measures) with the paragraph indent. A line breaks only between
 * clusters, never inside one:
 * - a number with its decimal point, separators, sign and unit marks (44.6%, 1,500, −3℃, 10:30) and
 *   a Latin word (GDP, COVID-19, km/h) are one cluster; only a cluster longer than a whole line is
 *   split, character by character;
 * - 避头尾 (§3): opening marks (“（《) join the cluster after them and closing marks (。，”）) the one
 *   before, so no line starts with a closing mark or ends with an opening one.
 * A cluster that does not fit goes to the next line, unless the line's full-width marks can give up
 * the room (标点挤压: half a cell each, a cell at most). The proof then sets every
 * line but a paragraph's last to the full measure (`lineSpacing`), so no text runs past the column edge.
 * 小标题 lines stay with the lines after them when the lines are put into columns (`fillColumns`).
 */
import { countCells } from '../text/count';

export const NO_LINE_START = new Set('。，、；：？！”’）》〉】」』〕…—');
export const NO_LINE_END = new Set('“‘（《〈【「『〔');
/** Full-width marks whose glyph is half blank: a line may squeeze each by half a cell, a cell at most. */
const SQUEEZABLE = new Set('。，、；：？！“”‘’（）《》〈〉【】「」『』〔〕');
const SQUEEZE_PER_MARK = 0.5;
const MAX_SQUEEZE = 1;

export interface SetLine {
  text: string;
  /** the line opens a paragraph, so it carries the indent */
  indent: boolean;
  /** width of the text in cells (more than the measure only when its marks are squeezed) */
  cells: number;
  /** the last line of its paragraph: set at its natural width, not spread to the measure */
  last: boolean;
  /** a line of a 小标题 */
  heading: boolean;
}

/** A block to set: a paragraph, a 小标题, or a line set without indent (the byline under a headline). */
export interface SetBlock {
  text: string;
  kind?: 'p' | 'h' | 'byline';
  /** where the text stands in the story's printed blocks (a slot's part may begin part-way through one) */
  at?: { paragraph: number; start: number };
}

/** Cells one character takes; the proof passes its font's widths. */
export type Measure = (ch: string) => number;

const EPS = 1e-9;

const WORD = /[0-9A-Za-z\u00C0-\u024F]/;
const DIGIT = /[0-9]/;
/** Joins two word characters into one cluster: 3.5, 1,000, 10:30, COVID-19, km/h, R&D, don't. */
const JOINER = new Set(".,:/-_'’&+·");
/** Follow a number in the same cluster. */
const UNIT_MARKS = new Set('%‰℃℉°′″');
/** Precede a number in the same cluster. */
const SIGNS = new Set('+-−±¥$€£');

interface Cluster {
  text: string;
  cells: number;
  /** cells its marks can give up */
  squeeze: number;
  space: boolean;
  /** a forced line break (a hard break in the paragraph) */
  newline: boolean;
}

/** Splits a paragraph into the units a line may not break inside: a word or number, one mark or character. */
function units(text: string): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    const signed = SIGNS.has(ch) && DIGIT.test(chars[i + 1] ?? '') && !WORD.test(chars[i - 1] ?? '');
    if (!WORD.test(ch) && !signed) {
      // —— and …… are one mark of two cells: never split across lines
      const pair = (ch === '—' || ch === '…') && chars[i + 1] === ch;
      out.push(pair ? ch + ch : ch);
      i += pair ? 2 : 1;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const next = chars[j];
      if (next === undefined) break;
      if (WORD.test(next)) j++;
      else if (JOINER.has(next) && WORD.test(chars[j - 1]!) && WORD.test(chars[j + 1] ?? '')) j++;
      else break;
    }
    while (UNIT_MARKS.has(chars[j] ?? '') && DIGIT.test(chars[j - 1] ?? '')) j++;
    out.push(chars.slice(i, j).join(''));
    i = j;
  }
  return out;
}

function clusters(text: string, measure: Measure): Cluster[] {
  const out: Cluster[] = [];
  let opening = '';
  const width = (s: string) => Array.from(s).reduce((n, ch) => n + measure(ch), 0);
  const squeeze = (s: string) => Array.from(s).filter((ch) => SQUEEZABLE.has(ch)).length * SQUEEZE_PER_MARK;
  const push = (s: string, space = false, newline = false) => out.push({ text: s, cells: width(s), squeeze: squeeze(s), space, newline });
  for (const unit of units(text)) {
    const first = Array.from(unit)[0]!;
    if (unit === '\n') {
      if (opening) push(opening);
      opening = '';
      push('', false, true);
    } else if (/\s/.test(first) && unit !== '\u3000') {
      if (opening) push(opening);
      opening = '';
      push(unit, true);
    } else if (NO_LINE_END.has(first)) {
      opening += unit;
    } else if (NO_LINE_START.has(first) && !opening && out.length > 0 && !out.at(-1)!.space && !out.at(-1)!.newline) {
      const last = out.at(-1)!;
      last.text += unit;
      last.cells += width(unit);
      last.squeeze += squeeze(unit);
    } else {
      push(opening + unit);
      opening = '';
    }
  }
  if (opening) push(opening);
  return out;
}

/** Breaks one paragraph; `indent` = 0 for the continued part of a paragraph split across a jump. */
export function breakParagraph(paragraph: string, cpl: number, indent: number, measure: Measure = countCells, heading = false): SetLine[] {
  const lines: SetLine[] = [];
  let text = '';
  let used = indent;
  let squeeze = 0;
  const flush = () => {
    const trimmed = text.replace(/\s+$/u, '');
    const trailing = Array.from(text.slice(trimmed.length)).reduce((n, ch) => n + measure(ch), 0);
    lines.push({ text: trimmed, indent: lines.length === 0 && indent > 0, cells: used - (lines.length === 0 ? indent : 0) - trailing, last: false, heading });
    text = '';
    used = 0;
    squeeze = 0;
  };
  for (const c of clusters(paragraph, measure)) {
    if (c.newline) {
      flush();
      continue;
    }
    if (c.space && text === '' && lines.length > 0) continue;
    const fits = used + c.cells <= cpl + EPS;
    const squeezed = text !== '' && used + c.cells <= cpl + Math.min(MAX_SQUEEZE, squeeze + c.squeeze) + EPS;
    if (fits || squeezed || c.space) {
      text += c.text;
      used += c.cells;
      squeeze += c.squeeze;
      continue;
    }
    if (text !== '') flush();
    if (used + c.cells > cpl + EPS) {
      // longer than a whole line (a long number or a web address): split it where the measure ends
      for (const ch of Array.from(c.text)) {
        const w = measure(ch);
        if (used + w > cpl + EPS && text !== '') flush();
        text += ch;
        used += w;
      }
      continue;
    }
    text += c.text;
    used += c.cells;
    squeeze = c.squeeze;
  }
  if (text !== '' || lines.length === 0) flush();
  lines[lines.length - 1]!.last = true;
  return lines;
}

/** Every line of the blocks, one after another; the first may continue a paragraph split across a jump (no indent). */
export function setText(blocks: readonly SetBlock[], cpl: number, indent: number, options: { firstIsContinued?: boolean; measure?: Measure } = {}): SetLine[] {
  const out: SetLine[] = [];
  blocks.forEach((b, i) => {
    if (b.text.trim() === '') return;
    const noIndent = b.kind === 'byline' || (i === 0 && options.firstIsContinued === true);
    out.push(...breakParagraph(b.text, cpl, noIndent ? 0 : indent, options.measure, b.kind === 'h'));
  });
  return out;
}

/** The most a line is spread, in cells between two characters: a line shorter than that allows stays ragged. */
const MAX_SPREAD = 0.3;

/**
 * Extra space after each character, in cells, that sets a line to the full measure: spread for a
 * line the break left short (up to MAX_SPREAD), squeezed for one holding a squeezed mark; a
 * paragraph's last line keeps its natural width unless it too must be squeezed.
 */
export function lineSpacing(line: Pick<SetLine, 'text' | 'last' | 'cells'>, measureCells: number): number {
  const gaps = Array.from(line.text).length - 1;
  if (gaps < 1) return 0;
  const spacing = (measureCells - line.cells) / gaps;
  if (spacing < 0) return spacing;
  return line.last || spacing > MAX_SPREAD ? 0 : spacing;
}

/** Lines after a 小标题 that must share its column. */
const KEEP_WITH_HEADING = 2;

/**
 * Pours lines into columns of the given depths, top to bottom and left to right. A 小标题 never
 * sits at the foot of a column: when it and the first lines after it do not fit in what is left
 * of a column, that space stays blank and the 小标题 starts the next column. `rest` is what no
 * column holds (overset).
 */
export function fillColumns(lines: readonly SetLine[], depths: readonly number[], keepWith = KEEP_WITH_HEADING): { columns: SetLine[][]; rest: SetLine[] } {
  const columns: SetLine[][] = depths.map(() => []);
  let c = 0;
  let i = 0;
  while (i < lines.length && c < depths.length) {
    const column = columns[c]!;
    const room = Math.max(0, depths[c]!) - column.length;
    const line = lines[i]!;
    if (line.heading && (i === 0 || !lines[i - 1]!.heading) && column.length > 0) {
      let need = 0;
      while (lines[i + need]?.heading) need++;
      need += Math.min(keepWith, lines.length - i - need);
      if (need > room) {
        c++;
        continue;
      }
    }
    if (room <= 0) {
      c++;
      continue;
    }
    column.push(line);
    i++;
  }
  return { columns, rest: lines.slice(i) };
}
