/**
 * §9.11 GB/T 15835-2011: Arabic numbers take only 万 and 亿 as units: 5千人 → 5000人,
 * 3百万 → 300万, 3万5千 → 3.5万, 1亿2千万 → 1.2亿. 5万人 and 1.2万人 are right.
 * 千 in a unit is not a number: 5千米, 3千克, 10千瓦, 2千字 stay; so does 百 in 百分点.
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const KILO_UNIT = '米克瓦伏卡帕焦赫兆字';
const MIXED = new RegExp(`(?<![\\dA-Za-z.])(\\d+)(?:万(\\d)千(?![${KILO_UNIT}万])|亿(\\d)千万)`, 'g');
const PLAIN = new RegExp(`(?<![\\dA-Za-z.])(\\d+(?:\\.\\d+)?)([千百])(?![${KILO_UNIT}分])`, 'g');

/** Exact decimal shift, so 1.2345千 becomes 1234.5 and not 1234.4999. */
function timesPowerOfTen(decimal: string, zeros: number): string {
  const [int = '', frac = ''] = decimal.split('.');
  const padded = frac.padEnd(zeros, '0');
  const whole = (int + padded.slice(0, zeros)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(zeros);
  return rest === '' ? whole : `${whole}.${rest}`;
}

export const largeNumberUnits: Rule = {
  id: 'large-number-units',
  title: '大数用万、亿',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const mixed: Finding[] = [];
    for (const m of text.matchAll(MIXED)) {
      const tenThousands = m[2];
      const fixed = tenThousands === undefined ? `${m[1]}.${m[3]}亿` : `${m[1]}.${tenThousands}万`;
      const end = m.index + m[0].length;
      mixed.push(finding(largeNumberUnits, m.index, end, `数字单位不要混用，应为“${fixed}”`, fixed));
    }
    const out = [...mixed];
    let next = 0;
    for (const m of text.matchAll(PLAIN)) {
      while ((mixed[next]?.end ?? Infinity) <= m.index) next++;
      const covering = mixed[next];
      if (covering !== undefined && covering.start <= m.index) continue;
      const fixed = timesPowerOfTen(m[1] ?? '', m[2] === '千' ? 3 : 2);
      out.push(
        finding(largeNumberUnits, m.index, m.index + m[0].length, `阿拉伯数字不与“${m[2]}”连用，应为“${fixed}”`, fixed),
      );
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
