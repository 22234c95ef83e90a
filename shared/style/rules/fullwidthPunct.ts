/**
 * §9.1 Half-width , ; : ? ! . ( ) in Chinese prose → full-width.
 * Left alone: numbers (1,000 3.5), times and ratios (12:30 3:1), URLs and e-mail addresses,
 * and marks between Latin words. A converted mark also swallows the spaces typed after it,
 * since a full-width mark already carries its own space.
 */
import { isAsciiAlnumAt, isChineseAt, isDigitAt, isHanAt, isInlineSpace, skipSpaces } from '../chars';
import { finding, findingWithFix } from '../finding';
import { ALL_FIELDS, type Finding, type Rule, type RuleContext } from '../types';

const FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '.': '。',
  '(': '（',
  ')': '）',
};

const RUNS = /[,;:]|[?!]+|(?<!\.)\.(?!\.)/g;
const PARENS = /[()\n]/g;

export const fullwidthPunct: Rule = {
  id: 'fullwidth-punct',
  title: '中文使用全角标点',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text, ctx) {
    return [...checkMarks(text, ctx), ...checkParens(text, ctx)];
  },
};

function isChineseMark(text: string, run: string, start: number, end: number): boolean {
  const before = start - 1;
  const after = skipSpaces(text, end);
  if (run === '.') return isHanAt(text, before) && !isAsciiAlnumAt(text, end);
  if (run === ',' || run === ';' || run === ':') {
    if (isDigitAt(text, before) && isDigitAt(text, end)) return false;
    return isChineseAt(text, before) || isChineseAt(text, after);
  }
  return isChineseAt(text, before) || (isHanAt(text, after) && !isAsciiAlnumAt(text, before));
}

function checkMarks(text: string, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(RUNS)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    if (ctx.isProtected(start) || !isChineseMark(text, run, start, end)) continue;
    const full = [...run].map((ch) => FULL[ch] ?? ch).join('');
    let fixEnd = end;
    while (isInlineSpace(text[fixEnd])) fixEnd++;
    out.push(
      findingWithFix(fullwidthPunct, start, end, `中文语境应使用全角标点“${full}”`, {
        start,
        end: fixEnd,
        replacement: full,
      }),
    );
  }
  return out;
}

/**
 * Parentheses are judged as a pair so both halves change together: a pair is Chinese when it
 * holds Han text, follows Chinese text, or opens a line before Chinese text ((1)要… → （1）要…).
 */
function checkParens(text: string, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const report = (i: number): void => {
    const full = FULL[text[i] ?? ''] ?? '';
    out.push(finding(fullwidthPunct, i, i + 1, `中文语境应使用全角括号“${full}”`, full));
  };
  const open: number[] = [];
  const reportUnclosed = (): void => {
    for (const o of open) if (isChineseAt(text, o - 1) || isHanAt(text, o + 1)) report(o);
    open.length = 0;
  };
  for (const m of text.matchAll(PARENS)) {
    const i = m.index;
    if (m[0] === '\n') {
      reportUnclosed();
      continue;
    }
    if (ctx.isProtected(i)) continue;
    if (m[0] === '(') {
      open.push(i);
      continue;
    }
    const o = open.pop();
    if (o === undefined) {
      if (isHanAt(text, i - 1) || isChineseAt(text, i + 1)) report(i);
      continue;
    }
    const before = text[o - 1];
    const lineStart = before === undefined || before === '\n' || isInlineSpace(before);
    if (ctx.hasHanBetween(o + 1, i) || isChineseAt(text, o - 1) || (lineStart && isChineseAt(text, i + 1))) {
      report(o);
      report(i);
    }
  }
  reportUnclosed();
  return out.sort((a, b) => a.start - b.start);
}
