/**
 * §9.20 Brackets and quotes come in properly nested pairs, checked line by line and reported at
 * the unmatched mark. A quotation running over several paragraphs opens each one with “ and
 * closes only the last (GB/T 15834-2011 4.3.3.5), so a line's unclosed opening “ is accepted.
 * ’ between Latin letters is an apostrophe (China’s).
 */
import { isAsciiLetterAt } from '../chars';
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const CLOSER_OF: Record<string, string> = {
  '（': '）',
  '《': '》',
  '〈': '〉',
  '“': '”',
  '‘': '’',
  '【': '】',
  '「': '」',
  '『': '』',
  '〔': '〕',
};
const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));

export const bracketBalance: Rule = {
  id: 'bracket-balance',
  title: '括号引号配对',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    let line = newLine(0);
    for (const m of text.matchAll(MARKS)) {
      if (m[0] === '\n') {
        finishLine(text, line, m.index, out);
        line = newLine(m.index + 1);
      } else {
        visit(text, m.index, line, out);
      }
    }
    finishLine(text, line, text.length, out);
    return out.sort((a, b) => a.start - b.start);
  },
};

const MARKS = new RegExp(`[${Object.keys(CLOSER_OF).join('')}${Object.values(CLOSER_OF).join('')}\n]`, 'g');

interface LineState {
  start: number;
  stack: number[];
  /** open marks per kind, so a closer with no opener is rejected without walking the stack */
  open: Map<string, number>;
}

function newLine(start: number): LineState {
  return { start, stack: [], open: new Map() };
}

function unclosed(text: string, i: number): Finding {
  const mark = text[i] ?? '';
  return finding(bracketBalance, i, i + 1, `“${mark}”缺少对应的“${CLOSER_OF[mark] ?? ''}”`);
}

function visit(text: string, i: number, line: LineState, out: Finding[]): void {
  const { stack, open } = line;
  const ch = text[i] ?? '';
  if (CLOSER_OF[ch] !== undefined) {
    stack.push(i);
    open.set(ch, (open.get(ch) ?? 0) + 1);
    return;
  }
  const opener = OPENER_OF[ch];
  if (opener === undefined) return;
  if (ch === '’' && isAsciiLetterAt(text, i - 1) && isAsciiLetterAt(text, i + 1)) return;
  if ((open.get(opener) ?? 0) === 0) {
    out.push(finding(bracketBalance, i, i + 1, `“${ch}”缺少对应的“${opener}”`));
    return;
  }
  let depth = stack.length - 1;
  while (depth > 0 && text[stack[depth] ?? -1] !== opener) depth--;
  for (const inner of stack.splice(depth)) {
    const mark = text[inner] ?? '';
    open.set(mark, (open.get(mark) ?? 1) - 1);
    // opened inside this pair and never closed: the nesting crosses
    if (mark !== opener) out.push(unclosed(text, inner));
  }
}

function finishLine(text: string, line: LineState, end: number, out: Finding[]): void {
  let firstVisible = line.start;
  while (firstVisible < end && /\s/.test(text[firstVisible] ?? '')) firstVisible++;
  for (const i of line.stack) {
    if (i === firstVisible && text[i] === '“') continue;
    out.push(unclosed(text, i));
  }
}
