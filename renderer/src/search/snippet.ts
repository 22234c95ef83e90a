import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../../shared/api/methods/search';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Splits a search snippet on its private-use markers; an unclosed marker runs to the end. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(SNIPPET_MARK_START);
    if (open < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), hit: false });
    const close = rest.indexOf(SNIPPET_MARK_END, open + 1);
    const end = close < 0 ? rest.length : close;
    const hit = rest.slice(open + 1, end);
    if (hit) parts.push({ text: hit, hit: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts;
}
