/**
 * XML written as strings, safely: text and attribute values escaped, and the characters XML 1.0 cannot
 * carry at all (C0 controls other than tab and newline, lone surrogates, U+FFFE/U+FFFF) dropped, so a
 * stray control character pasted into a story cannot make an export unreadable.
 */
const INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type Attrs = Record<string, string | number | null | undefined>;

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** An element whose children are already XML; `null` children are left out. Empty content closes the tag. */
export function el(name: string, a: Attrs = {}, ...children: (string | null | undefined | false)[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return inner === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** An element holding text. */
export function tx(name: string, text: string, a: Attrs = {}): string {
  return `<${name}${attrs(a)}>${xmlText(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
