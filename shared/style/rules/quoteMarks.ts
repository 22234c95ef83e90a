/**
 * §9.2 Chinese quotation marks: “” outside, ‘’ inside.
 * - straight "…" or '…' around or next to Chinese → “…” (‘…’ when already inside “…”);
 * - “…“…”…” (double inside double) → “…‘…’…”.
 * Apostrophes (China's, don't) and primes (5'30") are not quotes. Pairs are formed within one
 * line, in order, as a reader would pair them.
 */
import { isAsciiLetterAt, isChineseAt, isDigitAt } from '../chars';
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule, type RuleContext } from '../types';

export const quoteMarks: Rule = {
  id: 'quote-marks',
  title: '引号用法',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text, ctx) {
    const out: Finding[] = [];
    let line = newLine();
    for (const m of text.matchAll(MARKS)) {
      if (m[0] === '\n') {
        finishLine(text, line, ctx, out);
        line = newLine();
      } else {
        visit(text, m.index, line, ctx, out);
      }
    }
    finishLine(text, line, ctx, out);
    return out.sort((a, b) => a.start - b.start);
  },
};

const MARKS = /["＂'＇“”‘’\n]/g;

interface Straight {
  index: number;
  insideDouble: boolean;
}

interface LineState {
  doubles: Straight[];
  singles: Straight[];
  /** open curly quotes; nested = a “ opened directly inside another “ */
  curly: Array<{ mark: string; index: number; nested: boolean }>;
}

function newLine(): LineState {
  return { doubles: [], singles: [], curly: [] };
}

function isApostrophe(text: string, i: number): boolean {
  return (isAsciiLetterAt(text, i - 1) && isAsciiLetterAt(text, i + 1)) || isDigitAt(text, i - 1);
}

function visit(text: string, i: number, line: LineState, ctx: RuleContext, out: Finding[]): void {
  const ch = text[i];
  const top = line.curly[line.curly.length - 1];
  const insideDouble = top?.mark === '“';
  if (ch === '“') {
    line.curly.push({ mark: ch, index: i, nested: insideDouble });
  } else if (ch === '‘') {
    line.curly.push({ mark: ch, index: i, nested: false });
  } else if (ch === '”' && insideDouble) {
    line.curly.pop();
    if (top.nested) {
      out.push(finding(quoteMarks, top.index, top.index + 1, '引号内再用引号应为单引号“‘”', '‘'));
      out.push(finding(quoteMarks, i, i + 1, '引号内再用引号应为单引号“’”', '’'));
    }
  } else if (ch === '’' && top?.mark === '‘') {
    line.curly.pop();
  } else if ((ch === '"' || ch === '＂') && !ctx.isProtected(i)) {
    line.doubles.push({ index: i, insideDouble });
  } else if ((ch === "'" || ch === '＇') && !ctx.isProtected(i) && !isApostrophe(text, i)) {
    line.singles.push({ index: i, insideDouble });
  }
}

function finishLine(text: string, line: LineState, ctx: RuleContext, out: Finding[]): void {
  const { doubles, singles } = line;
  pairUp(
    doubles,
    (open, close) =>
      ctx.hasHanBetween(open + 1, close) || isChineseAt(text, open - 1) || isChineseAt(text, close + 1),
    out,
  );
  pairUp(singles, (open, close) => ctx.hasHanBetween(open + 1, close), out);
  const leftover = doubles.length % 2 === 1 ? doubles[doubles.length - 1] : undefined;
  if (leftover !== undefined && (isChineseAt(text, leftover.index - 1) || isChineseAt(text, leftover.index + 1))) {
    out.push(finding(quoteMarks, leftover.index, leftover.index + 1, '中文应使用中文引号“”，且须成对'));
  }
}

function pairUp(marks: Straight[], isChinese: (open: number, close: number) => boolean, out: Finding[]): void {
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const open = marks[k];
    const close = marks[k + 1];
    if (open === undefined || close === undefined || !isChinese(open.index, close.index)) continue;
    const [o, c] = open.insideDouble ? ['‘', '’'] : ['“', '”'];
    out.push(finding(quoteMarks, open.index, open.index + 1, `中文应使用中文引号“${o}”`, o));
    out.push(finding(quoteMarks, close.index, close.index + 1, `中文应使用中文引号“${c}”`, c));
  }
}
