/** Character classes shared by the rules. All take a UTF-16 index so lone surrogates are harmless. */

/** Regex class body for Han ideographs (u flag); kept in step with isHanAt. */
export const HAN = '\\u3005\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{3134F}';

/** Full-width marks that make their surroundings Chinese prose. */
const CJK_PUNCT = new Set('，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～');

export function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  if (cp === undefined) return false;
  return (
    cp === 0x3005 ||
    cp === 0x3007 ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Han or a full-width Chinese mark: the character makes the surroundings Chinese prose. */
export function isChineseAt(text: string, i: number): boolean {
  const ch = text[i];
  return ch !== undefined && (CJK_PUNCT.has(ch) || isHanAt(text, i));
}

export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAsciiAlnumAt(text: string, i: number): boolean {
  return isDigitAt(text, i) || isAsciiLetterAt(text, i);
}

export function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\t';
}

/** Index of the first character at or after i that is not an inline space. */
export function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && isInlineSpace(text[j])) j++;
  return j;
}

/** counts[i] = Han characters in text[0, i): answers "any Han between a and b" in O(1). */
export function hanPrefixCounts(text: string): Int32Array {
  const counts = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) counts[i + 1] = (counts[i] ?? 0) + (isHanAt(text, i) ? 1 : 0);
  return counts;
}

const URL_OR_EMAIL =
  /\b(?:(?:https?|ftp):\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** A sentence mark right after a URL belongs to the sentence, not the address. */
const URL_TAIL = /[.,;:!?'")\]]+$/;

/** Sorted, non-overlapping [start, end) spans of URLs and e-mail addresses. */
export function findProtectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!text.includes('@') && !text.includes('://') && !text.includes('www.')) return spans;
  for (const m of text.matchAll(URL_OR_EMAIL)) {
    const trimmed = m[0].replace(URL_TAIL, '');
    spans.push([m.index, m.index + trimmed.length]);
  }
  return spans;
}

export function inSpans(spans: ReadonlyArray<readonly [number, number]>, index: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (span === undefined) return false;
    if (index < span[0]) hi = mid - 1;
    else if (index >= span[1]) lo = mid + 1;
    else return true;
  }
  return false;
}
