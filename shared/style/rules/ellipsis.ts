/**
 * §9.3 The ellipsis is …… (two …, or four for an omitted paragraph or verse).
 * ..., 。。。, ···, ⋯⋯ and an odd number of … are wrong; 等 right after it is redundant.
 * Three ASCII dots are only taken for an ellipsis next to Chinese (English quotations keep theirs).
 */
import { isChineseAt } from '../chars';
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const MARKS = /\.{3,}|。{3,}|[·・]{3,}|⋯+|…+/g;
const DENG_AFTER = /(?<=…|\.\.\.)等等?(?=[，。；：！？、”’）》\s]|$)/g;

export const ellipsis: Rule = {
  id: 'ellipsis',
  title: '省略号',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text, ctx) {
    const out: Finding[] = [];
    for (const m of text.matchAll(MARKS)) {
      const run = m[0];
      const start = m.index;
      const end = start + run.length;
      if (run[0] === '…') {
        if (run.length === 2 || run.length === 4) continue;
        const fix = run.length < 5 ? '……' : undefined;
        out.push(finding(ellipsis, start, end, '省略号应为“……”', fix));
        continue;
      }
      if (run[0] === '.' && (ctx.isProtected(start) || !(isChineseAt(text, start - 1) || isChineseAt(text, end)))) {
        continue;
      }
      out.push(finding(ellipsis, start, end, '省略号应为“……”', '……'));
    }
    for (const m of text.matchAll(DENG_AFTER)) {
      out.push(finding(ellipsis, m.index, m.index + m[0].length, `省略号后不再用“${m[0]}”`, ''));
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
