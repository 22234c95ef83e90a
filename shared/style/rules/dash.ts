/**
 * §9.4 The dash (破折号) is —— (two U+2014).
 * Wrong: -- next to Chinese, －－, a lone or tripled —, ―― (U+2015, from GBK conversions).
 * A single — between two words is a connector (2016—2020年, 北京—上海, New York—London) and is
 * left to the range rule; a subtitle's opening dash belongs to headline-punct.
 */
import { isAsciiAlnumAt, isChineseAt, isHanAt } from '../chars';
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const MARKS = /-{2,}|－{2,}|[—―]+/g;

function isWordAt(text: string, i: number): boolean {
  return isHanAt(text, i) || isAsciiAlnumAt(text, i);
}

function isConnector(text: string, start: number, end: number): boolean {
  return isWordAt(text, start - 1) && isWordAt(text, end);
}

export const dash: Rule = {
  id: 'dash',
  title: '破折号',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text, ctx) {
    const out: Finding[] = [];
    const leading = text.length - text.trimStart().length;
    for (const m of text.matchAll(MARKS)) {
      const run = m[0];
      const start = m.index;
      const end = start + run.length;
      if (ctx.field === 'subheadline' && start === leading) continue;
      if (run[0] === '-') {
        const chinese = isChineseAt(text, start - 1) || isChineseAt(text, end);
        if (ctx.isProtected(start) || !chinese) continue;
        out.push(finding(dash, start, end, '破折号应为“——”', '——'));
      } else if (run[0] === '－') {
        out.push(finding(dash, start, end, '破折号应为“——”', '——'));
      } else if (run.includes('―')) {
        const fix = run.length === 2 || run.length >= 4 ? '—'.repeat(run.length) : '——';
        out.push(finding(dash, start, end, '破折号应为两个“—”（U+2014）', fix));
      } else if (run.length === 3 || (run.length === 1 && !isConnector(text, start, end))) {
        out.push(finding(dash, start, end, '破折号应为“——”', '——'));
      }
    }
    return out;
  },
};
