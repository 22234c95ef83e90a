/**
 * A simplified typesetting for the page proof (大样): good enough to proofread, not for the press.
 * Paragraphs are broken into lines of `cpl` cells (Han and full-width marks 1, Latin and digits ½)
 * with the paragraph indent, and 避头尾 (§3): a closing mark that would start a line hangs at the
 * end of the line before (悬挂, one cell past the measure); an opening mark that would end a line
 * moves to the next one.
 */
import { countCells } from '../text/count';

export const NO_LINE_START = new Set('。，、；：？！”’）》〉】」』〕…—');
export const NO_LINE_END = new Set('“‘（《〈【「『〔');

export interface SetLine {
  text: string;
  /** the line opens a paragraph, so it carries the indent */
  indent: boolean;
  /** the paragraph's last line: set ragged, never justified */
  end: boolean;
  /** which paragraph of `setText`'s input the line belongs to */
  paragraph: number;
}

const EPS = 1e-9;

/** Breaks one paragraph; `indent` = 0 for the continued part of a paragraph split across a jump. */
export function breakParagraph(paragraph: string, cpl: number, indent: number): SetLine[] {
  const chars = Array.from(paragraph);
  const lines: SetLine[] = [];
  let line = '';
  let used = indent;
  let first = true;
  const flush = () => {
    lines.push({ text: line, indent: first && indent > 0, end: false, paragraph: 0 });
    first = false;
    line = '';
    used = 0;
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const w = countCells(ch);
    if (used + w > cpl + EPS && line !== '') {
      if (NO_LINE_START.has(ch)) {
        // hang the mark, and any closing marks right after it (）。), at the end of this line
        line += ch;
        while (i + 1 < chars.length && NO_LINE_START.has(chars[i + 1]!)) line += chars[++i]!;
        flush();
        continue;
      }
      const last = Array.from(line).pop()!;
      if (NO_LINE_END.has(last) && Array.from(line).length > 1) {
        line = Array.from(line).slice(0, -1).join('');
        flush();
        line = last;
        used = countCells(last);
      } else {
        flush();
      }
    }
    line += ch;
    used += w;
  }
  if (line !== '' || lines.length === 0) flush();
  lines[lines.length - 1]!.end = true;
  return lines;
}

/**
 * Every line of the text, paragraph after paragraph; the first paragraph may start part-way through.
 * `indentOf` gives a paragraph its own indent (a 小标题 or byline line has none).
 */
export function setText(
  paragraphs: readonly string[],
  cpl: number,
  indent: number,
  firstIsContinued = false,
  indentOf: (index: number) => number = () => indent,
): SetLine[] {
  const out: SetLine[] = [];
  paragraphs.forEach((p, i) => {
    if (p.trim() === '') return;
    for (const line of breakParagraph(p, cpl, i === 0 && firstIsContinued ? 0 : indentOf(i))) out.push({ ...line, paragraph: i });
  });
  return out;
}
