/**
 * §9.21 GB/T 15835-2011: in a range, %, ‰, 万 and 亿 are written on both numbers
 * (15%～30%, 9亿～16亿, 13万元～17万元), since 15～30% could be read as 15 and 30%.
 * Ordinary units may be left off the first number (25～30克) and are not reported.
 */
import { findingWithFix } from '../finding';
import { findNumericRanges } from '../numericRanges';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const REPEATED_UNIT = /万亿|万|亿|%|‰/y;

export const rangeUnit: Rule = {
  id: 'range-unit',
  title: '范围两端单位',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const r of findNumericRanges(text)) {
      if (r.kind !== 'value') continue;
      REPEATED_UNIT.lastIndex = r.end;
      const unit = REPEATED_UNIT.exec(text)?.[0];
      if (unit === undefined) continue;
      out.push(
        findingWithFix(rangeUnit, r.start, r.end, `范围两端都应写“${unit}”`, {
          start: r.markIndex,
          end: r.markIndex,
          replacement: unit,
        }),
      );
    }
    return out;
  },
};
