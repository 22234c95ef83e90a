/** §9.10 GB/T 15835-2011: numbers and Latin letters are half-width: ２０２４年 → 2024年, ３．５ → 3.5. */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const FULLWIDTH = /[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*/g;

function toHalfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export const fullwidthDigits: Rule = {
  id: 'fullwidth-digits',
  title: '数字字母用半角',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(FULLWIDTH)) {
      const half = toHalfWidth(m[0]);
      out.push(finding(fullwidthDigits, m.index, m.index + m[0].length, `数字和字母应使用半角：${half}`, half));
    }
    return out;
  },
};
