/**
 * §9.9 GB/T 15835-2011: years are written in full, and Chinese-numeral years use 〇, not 零.
 * - 98年3月 → 1998年3月, and a bare 98年 where it can only be a year: before 底/初/末 or a season
 *   (98年底), or after 于/在/从/自/到/生于 … unless a span follows (于98年建成, but 在30年间). Elsewhere
 *   20年 is more often twenty years (近20年, 30年来, 干了30年, 这30年的变化), so it is left alone.
 *   The century is guessed only where it is safe (50–99 → 19xx, 00–29 → 20xx).
 * - 二零二四年, 二○二四年 (white circle), 二O二四年 (letter O) → 二〇二四年.
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const NOT_DIGIT = "(?<![\\dA-Za-z.'’０-９])";
const SHORT_YEAR = new RegExp(
  [
    // 98年3月, 98年底, 98年春天
    `${NOT_DIGIT}(\\d{2})年(?=\\d{1,2}月|[底初末]|[春夏秋冬]|上半年|下半年)`,
    // 于98年建成, 从05年起, 生于89年 — but not 在30年间, 从20年前
    `(?<=(?:于|在|从|自|到|至|截至|始于|生于|早在))(\\d{2})年(?!来|间|内|里|多|余|前|后|左右|以上|以下|之久|代|时间|历史)`,
  ].join('|'),
  'g',
);
const ZERO_LOOKALIKES = '零○OＯ０0';
const HAN_YEAR = new RegExp(`(?<![一二三四五六七八九〇${ZERO_LOOKALIKES}])[一二三四五六七八九〇${ZERO_LOOKALIKES}]{4}(?=年)`, 'g');
const LOOKALIKE = new RegExp(`[${ZERO_LOOKALIKES}]`, 'g');

function century(twoDigits: string): string | undefined {
  const n = Number(twoDigits);
  if (n >= 50) return `19${twoDigits}`;
  if (n < 30) return `20${twoDigits}`;
  return undefined;
}

export const fullYear: Rule = {
  id: 'full-year',
  title: '年份写全',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(SHORT_YEAR)) {
      const digits = m[1] ?? m[2] ?? '';
      const full = century(digits);
      const message = full === undefined ? '年份应写全（四位数字）' : `年份应写全：${full}年`;
      out.push(finding(fullYear, m.index, m.index + digits.length, message, full));
    }
    for (const m of text.matchAll(HAN_YEAR)) {
      const year = m[0];
      const nonZero = year.replace(LOOKALIKE, '').replace(/〇/g, '');
      if (!year.match(LOOKALIKE) || nonZero.length < 2) continue;
      const fixed = year.replace(LOOKALIKE, '〇');
      out.push(finding(fullYear, m.index, m.index + year.length, `汉字年份中的“零”应写作“〇”：${fixed}年`, fixed));
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
