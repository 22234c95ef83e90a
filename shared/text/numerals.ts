/** Chinese numerals for page numbers and ordinals (1 → 一, 12 → 十二, 105 → 一百零五). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** 0…9999. A leading 一十 is written 十 (十二, not 一十二), as page numbers are printed. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`只支持 0～9999 的整数，收到 ${String(n)}`);
  }
  if (n === 0) return '零';
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (DIGITS[d] ?? '') + unit;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

const DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT_VALUE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Inverse of toChineseNumeral, also reading 〇/两 and digit-by-digit forms (一〇五). */
export function fromChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = DIGIT_VALUE[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  for (const ch of s) {
    const d = DIGIT_VALUE[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null;
      digit = d;
      continue;
    }
    const u = UNIT_VALUE[ch];
    if (u === undefined || u >= lastUnit) return null;
    total += (digit ?? 1) * u;
    digit = null;
    lastUnit = u;
  }
  return total + (digit ?? 0);
}
