/**
 * Finds "number mark number" ranges for the range-mark (§9.5) and range-unit (§9.21) rules, and
 * says what they measure. Not ranges: ISO dates (2024-03-05), phone numbers (010-12345678,
 * 400-800-8820), times (12:30-14:00), model names (iPhone-15, G-7, A4-5), addresses (8-1号楼).
 */
type RangeKind = 'time' | 'value';

export interface NumericRange {
  /** start of the first number */
  start: number;
  /** the mark's index, which is also where the first number ends */
  markIndex: number;
  mark: string;
  /** end of the second number */
  end: number;
  /** null when nothing after the range says what it measures */
  kind: RangeKind | null;
}

const RANGE = /(?<![A-Za-z\d.\-－/:#_])(\d+(?:\.\d+)?)([-~－～—至到])(\d+(?:\.\d+)?)(?![\d.]|[-－/:]\d)/g;

const VALUE_UNIT =
  /(?:万|亿|千|百|个|位|名|人|次|件|克|千克|公斤|斤|吨|米|千米|公里|厘米|毫米|亩|平方|立方|升|毫升|倍|岁|天|周|小时|分钟|秒|层|家|所|户|项|条|座|辆|台|套|张|篇|份|种|只|头|株|棵|度|元|美元|块|%|‰|℃|(?:kg|g|mg|km|m|cm|mm|t|L|mL|ml|GB|MB|TB|kW|W|V|Hz|MHz|GHz|h|min)(?![A-Za-z]))/y;

function follows(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

const YEAR_AFTER = /年度|学年|财年|赛季|年(?![代级])|[）)]/y;
const MONTH_AFTER = /月/y;
const DAY_AFTER = /日/y;
const HOUR_AFTER = /[时点]/y;
const CENTURY_AFTER = /世纪/y;
const YEARS_DURATION_AFTER = /年/y;

function isInt(s: string, max: number): boolean {
  return /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= max;
}

function classify(text: string, a: string, b: string, end: number): RangeKind | null {
  // a range runs upwards; 8-1号楼 and 3-1 are addresses and scores
  if (Number(a) >= Number(b)) return null;
  const fourDigitYears = /^\d{4}$/.test(a) && /^\d{4}$/.test(b);
  if (fourDigitYears) return follows(YEAR_AFTER, text, end) ? 'time' : null;
  if (follows(MONTH_AFTER, text, end)) return isInt(a, 12) && isInt(b, 12) ? 'time' : null;
  if (follows(DAY_AFTER, text, end)) return isInt(a, 31) && isInt(b, 31) ? 'time' : null;
  if (follows(HOUR_AFTER, text, end)) return isInt(a, 24) && isInt(b, 24) ? 'time' : null;
  if (follows(CENTURY_AFTER, text, end)) return isInt(a, 30) && isInt(b, 30) ? 'time' : null;
  // 3-5年 is a span of years, a value; 1998-99年 is an abbreviated time range, not judged
  if (follows(YEARS_DURATION_AFTER, text, end)) return a.length <= 3 && b.length <= 3 ? 'value' : null;
  return follows(VALUE_UNIT, text, end) ? 'value' : null;
}

export function findNumericRanges(text: string): NumericRange[] {
  const ranges: NumericRange[] = [];
  for (const m of text.matchAll(RANGE)) {
    const a = m[1] ?? '';
    const mark = m[2] ?? '';
    const b = m[3] ?? '';
    // a leading zero marks an area code or serial number, never a quantity
    if (a.length > 1 && a.startsWith('0')) continue;
    const start = m.index;
    const markIndex = start + a.length;
    const end = markIndex + 1 + b.length;
    ranges.push({ start, markIndex, mark, end, kind: classify(text, a, b, end) });
  }
  return ranges;
}
