/**
 * Whitespace repair for text that went through PDF extraction or OCR.
 */
import { CJK_CLASS } from './chars';

const BETWEEN_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\t\\u3000]+(?=[${CJK_CLASS}])`, 'gu');

/**
 * PDF extraction often emits one space after every character (记 者 了 解 到). A line counts as
 * letter-spaced when most of its characters are followed by exactly one space; a real gap then
 * shows as two or more spaces, so that is kept as one (记 者  张 三 → 记者 张三).
 */
function isLetterSpaced(line: string): boolean {
  let chars = 0;
  let spaced = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\u3000') continue;
    chars++;
    if (line.charAt(i + 1) === ' ' && i + 2 < line.length && !/\s/.test(line.charAt(i + 2))) spaced++;
  }
  return chars >= 4 && spaced / chars >= 0.6;
}

function removeLetterSpacing(line: string): string {
  return line
    .replace(/[\t\u3000]/g, '  ')
    .replace(/(\S) (?=\S)/g, '$1')
    .replace(/ {2,}/g, ' ');
}

/** Trims, undoes letter-spacing and folds every whitespace run to one space. */
export function cleanLine(raw: string): string {
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const unspaced = isLetterSpaced(trimmed) ? removeLetterSpacing(trimmed) : trimmed;
  return unspaced.replace(/[ \t\u3000]+/g, ' ');
}

/** Chinese prose never has a space between two Han characters or CJK marks; Latin words keep theirs. */
export function collapseCjkSpaces(text: string): string {
  return text.replace(BETWEEN_CJK, '');
}

/** Glues an OCR line to the previous one: no space in Chinese, one between two Latin words or numbers. */
export function joinBroken(prev: string, next: string): string {
  if (prev === '') return next;
  const glue = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(next) ? ' ' : '';
  return prev + glue + next;
}
