/**
 * Turns the caller's input into the line array every index in this folder refers to.
 */

const LINE_BREAK = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/;
const INVISIBLE = /[\ufeff\u200b-\u200d\u2060\u00ad\u0000-\u0008\u000e-\u001f\u007f]/g;
const ODD_SPACE = /[\u00a0\u2002-\u200a\u202f\u205f]/g;

/**
 * A string is split at line breaks; an array (e.g. .docx paragraphs) gives one line per entry, and
 * an entry holding soft breaks is split too, so `sourceRange` always indexes `toLines(input)`.
 */
export function toLines(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : [];
  const out: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') continue;
    for (const line of part.split(LINE_BREAK)) out.push(line.replace(INVISIBLE, '').replace(ODD_SPACE, ' '));
  }
  return out;
}

/**
 * A paragraph indent: a tab, a full-width space or two ASCII spaces. One stray space (OCR) is not.
 */
export function isIndented(raw: string): boolean {
  return /^(?:\t|\u3000| {2})/.test(raw) && /\S/.test(raw);
}
