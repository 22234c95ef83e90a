/**
 * §9.5 Range marks (GB/T 15834-2011 4.13): values take ～ (25～30克, 3～5年);
 * times take — (2016—2020年, 1—3月, 8—10时). Ranges whose unit says nothing are left alone.
 */
import { finding } from '../finding';
import { findNumericRanges } from '../numericRanges';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const WRONG_FOR_TIME = new Set(['-', '~', '－', '～']);
const WRONG_FOR_VALUE = new Set(['-', '~', '－', '—']);

export const rangeMark: Rule = {
  id: 'range-mark',
  title: '范围连接号',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const r of findNumericRanges(text)) {
      const at = r.markIndex;
      if (r.kind === 'time' && WRONG_FOR_TIME.has(r.mark)) {
        out.push(finding(rangeMark, at, at + 1, '时间范围应使用一字线“—”', '—'));
      } else if (r.kind === 'value' && WRONG_FOR_VALUE.has(r.mark)) {
        out.push(finding(rangeMark, at, at + 1, '数值范围应使用浪纹线“～”', '～'));
      }
    }
    return out;
  },
};
