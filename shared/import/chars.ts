/**
 * Character classes the recognisers share. Regexes, not code-point tables: every caller works on
 * short head/tail slices or does one linear pass, so clarity wins over speed here.
 */

/** Han ideographs plus CJK / full-width punctuation: the characters between which a space is never printed. */
export const CJK_CLASS = '\\p{Script=Han}\\u3001-\\u303f\\uff01-\\uff60\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014\\u00b7';

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Marks after which a sentence, and so possibly a paragraph, is complete (GB/T 15834 end marks + closing quotes). */
const SENTENCE_FINAL = new Set(['。', '！', '？', '!', '?', '…', '；', ';', '：', ':', '”', '’', '」', '』', '》']);

/** Marks that may not start a line (clreq): text opening with one continues something cut elsewhere. */
const CONTINUATION_START = /^[，。、；：？！”’）》」』,.;:?!)]/;

/** Function characters that cannot open a Chinese sentence: a line starting with one is a continuation. */
const CONTINUATION_WORD = /^[的了地得着们吗呢吧]/;

export function isHanWord(s: string): boolean {
  return HAN_ONLY.test(s);
}

export function endsWithSentenceFinal(s: string): boolean {
  return SENTENCE_FINAL.has(s.charAt(s.length - 1));
}

export function isSentenceFinalChar(ch: string): boolean {
  return SENTENCE_FINAL.has(ch);
}

export function looksLikeContinuation(s: string): boolean {
  return CONTINUATION_START.test(s) || CONTINUATION_WORD.test(s);
}

/** The first characters of a text, for naming it in a warning. */
export function snippet(s: string, max = 12): string {
  const chars = Array.from(s.slice(0, max * 2 + 2));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** The last characters of a text, for naming where it stops. */
export function tailSnippet(s: string, max = 12): string {
  const chars = Array.from(s.slice(-(max * 2 + 2)));
  return chars.length > max ? `…${chars.slice(-max).join('')}` : chars.join('');
}

export function toFullWidthParens(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Full-width Latin letters and digits to ASCII (ＡＢ１２ → AB12). */
export function toAsciiAlnum(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
