/**
 * Classifies one Unicode code point for Chinese counting and copy-fit.
 *
 * - 'han'    CJK ideographs (all extensions, compatibility ideographs, 〇, 々), kana, hangul
 * - 'wide'   anything set on a full character cell: CJK and full-width punctuation, full-width
 *            forms (Ａ１％), —, …, curly quotes, ·, ×, ①, ■, emoji
 * - 'word'   half-width letters and digits (Latin, Greek, Cyrillic, accented Latin); these form
 *            runs that count as one 字 and take half a cell each
 * - 'narrow' half-width punctuation and symbols (,.;:!?%+-/()[] …), half a cell each
 * - 'space'  whitespace other than U+3000; breaks runs, counts 0
 * - 'ideographic-space' U+3000: no 字, but it does occupy a full cell
 * - 'extend' combining marks, variation selectors, ZWJ, skin-tone modifiers: part of the
 *            previous character, counts nothing
 *
 * East Asian "ambiguous" marks (— … “ ” ‘ ’ · ×) are wide: Chinese fonts set them on a full cell,
 * which is what §3 means by "—— = 2".
 */
export type CharClass = 'han' | 'wide' | 'word' | 'narrow' | 'space' | 'ideographic-space' | 'extend';

const HAN = /\p{Script=Han}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;

export function classify(cp: number): CharClass {
  // ASCII first: the common case in mixed copy.
  if (cp < 0x80) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return 'space';
    if (cp < 0x20 || cp === 0x7f) return 'extend';
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return 'word';
    return 'narrow';
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'han';
  if (cp === 0x3000) return 'ideographic-space';
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff || cp === 0x00ad || cp === 0x2060) {
    return 'extend';
  }
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) {
    return 'extend';
  }
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return 'extend';
  if (SPACE.test(ch)) return 'space';
  if (HAN.test(ch)) return 'han';
  // Kana, hangul syllables and bopomofo are set like Han in Chinese copy.
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3100 && cp <= 0x312f) || (cp >= 0xac00 && cp <= 0xd7af)) {
    return 'han';
  }
  // Half-width katakana and half-width hangul/symbol forms.
  if (cp >= 0xff61 && cp <= 0xffef) return 'narrow';
  if (cp >= 0x2e80) return 'wide'; // CJK punctuation, full-width forms, emoji, supplementary planes
  if (isAmbiguousWide(cp)) return 'wide';
  if (LETTER_OR_DIGIT.test(ch)) return 'word';
  return 'narrow';
}

function isAmbiguousWide(cp: number): boolean {
  return (
    cp === 0x00a7 || // §
    cp === 0x00b0 || // °
    cp === 0x00b1 || // ±
    cp === 0x00b7 || // · 间隔号
    cp === 0x00d7 || // ×
    cp === 0x00f7 || // ÷
    (cp >= 0x2010 && cp <= 0x2027) || // dashes, quotes, ‥ …
    (cp >= 0x2030 && cp <= 0x203b) || // ‰ ′ ″ ※
    (cp >= 0x2100 && cp <= 0x2bff) // ℃ №, Ⅻ, arrows, math, ①, box drawing, ■□▲○, ★
  );
}

export function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}
