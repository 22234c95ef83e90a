/**
 * The paper-edited word lists behind rules 14 (confusable words, exact names, place names) and
 * 16 (careful words), and their compiled matcher.
 *
 * Matching is a character trie walked from each position (leftmost-longest), so cost grows with
 * text length × longest entry, not with the number of entries: a 5,000-entry list costs the same
 * per character as a 50-entry one.
 */
import type { Severity } from './types';

/**
 * 'before-time': the word is wrong only when a time point follows it (截止目前 → 截至目前).
 * 'regex:<pattern>': the pattern must match at the word's own position (sticky, u flag); use
 * lookbehind/lookahead for the surroundings, e.g. 'regex:(?<!爱)好象'.
 */
export type ConfusableContext = 'before-time' | `regex:${string}`;

export interface ConfusableEntry {
  wrong: string;
  right: string;
  context?: ConfusableContext;
  note?: string;
}

export interface CarefulEntry {
  word: string;
  replacement?: string;
  reason: string;
  severity: Severity;
}

/** Names and titles that must be written exactly. */
export interface ExactNameEntry {
  wrong: string;
  right: string;
}

export interface PlaceNameEntry {
  wrong: string;
  right: string;
}

export interface WordLists {
  confusables: ConfusableEntry[];
  careful: CarefulEntry[];
  exactNames: ExactNameEntry[];
  placeNames: PlaceNameEntry[];
}

export type TermKind = 'confusable' | 'exactName' | 'placeName';

interface TermHit {
  start: number;
  end: number;
  kind: TermKind;
  wrong: string;
  right: string;
  note?: string;
}

interface CarefulHit {
  start: number;
  end: number;
  entry: CarefulEntry;
}

export interface CompiledWordLists {
  /** Non-overlapping, leftmost-longest hits of confusables, exact names and place names. */
  findTermErrors(text: string): TermHit[];
  findCarefulWords(text: string): CarefulHit[];
  /** Entries left out because their context could not be compiled. */
  readonly rejected: ReadonlyArray<{ word: string; message: string }>;
}

/** A time point as 截至 takes it: 目前, 发稿时, 12月底, 今年, 二〇二四年 … */
const TIME_POINT =
  /(?:目前|当前|现在|此时|今天|今日|昨天|昨日|今年|去年|本月|上月|本周|上周|当天|当日|日前|发稿|年底|年末|月底|月末|[上下]半年|前[一二三]季度|第[一二三四]季度|[0-9０-９]{1,4}(?:年|月|日|号|时|点|:)|[一二三四五六七八九十〇零两]{1,4}(?:年|月|日|时|点))/y;

type ContextTest = (text: string, start: number, end: number) => boolean;

/** null when the context is usable, otherwise a Chinese message saying why not. */
export function validateConfusableContext(context: string): string | null {
  const compiled = compileContext(context);
  return typeof compiled === 'string' ? compiled : null;
}

function compileContext(context: string | undefined): ContextTest | string | null {
  if (context === undefined || context === '') return null;
  if (context === 'before-time') {
    return (text, _start, end) => {
      TIME_POINT.lastIndex = end;
      return TIME_POINT.test(text);
    };
  }
  if (context.startsWith('regex:')) {
    const source = context.slice('regex:'.length);
    if (source === '') return '语境正则为空';
    let re: RegExp;
    try {
      re = new RegExp(source, 'uy');
    } catch {
      return `语境正则无效：${source}`;
    }
    return (text, start) => {
      re.lastIndex = start;
      return re.test(text);
    };
  }
  return `未知语境“${context}”，应为空、before-time 或 regex:…`;
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  values: T[];
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

function insert<T>(root: TrieNode<T>, word: string, value: T): void {
  let node = root;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let child = node.next.get(c);
    if (child === undefined) {
      child = newNode<T>();
      node.next.set(c, child);
    }
    node = child;
  }
  node.values.push(value);
}

function scan<T>(
  root: TrieNode<T>,
  text: string,
  accept: (value: T, start: number, end: number) => boolean,
): Array<{ value: T; start: number; end: number }> {
  const hits: Array<{ value: T; start: number; end: number }> = [];
  if (root.next.size === 0) return hits;
  let i = 0;
  while (i < text.length) {
    let node: TrieNode<T> | undefined = root;
    let best: { value: T; start: number; end: number } | null = null;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (node === undefined) break;
      for (const value of node.values) {
        if (accept(value, i, j + 1)) {
          best = { value, start: i, end: j + 1 };
          break;
        }
      }
    }
    if (best === null) {
      i++;
    } else {
      hits.push(best);
      i = best.end;
    }
  }
  return hits;
}

interface TermValue {
  kind: TermKind;
  wrong: string;
  right: string;
  note?: string;
  test: ContextTest | null;
}

export function compileWordLists(lists: WordLists): CompiledWordLists {
  const terms = newNode<TermValue>();
  const careful = newNode<CarefulEntry>();
  const rejected: Array<{ word: string; message: string }> = [];

  for (const entry of lists.confusables) {
    if (entry.wrong === '') continue;
    const test = compileContext(entry.context);
    if (typeof test === 'string') {
      rejected.push({ word: entry.wrong, message: test });
      continue;
    }
    const value: TermValue = { kind: 'confusable', wrong: entry.wrong, right: entry.right, test };
    if (entry.note !== undefined) value.note = entry.note;
    insert(terms, entry.wrong, value);
  }
  for (const entry of lists.exactNames) {
    if (entry.wrong !== '') insert(terms, entry.wrong, { kind: 'exactName', ...entry, test: null });
  }
  for (const entry of lists.placeNames) {
    if (entry.wrong !== '') insert(terms, entry.wrong, { kind: 'placeName', ...entry, test: null });
  }
  for (const entry of lists.careful) {
    if (entry.word !== '') insert(careful, entry.word, entry);
  }

  return {
    rejected,
    findTermErrors(text) {
      return scan(terms, text, (v, start, end) => v.test === null || v.test(text, start, end)).map(
        ({ value, start, end }) => {
          const hit: TermHit = { start, end, kind: value.kind, wrong: value.wrong, right: value.right };
          if (value.note !== undefined) hit.note = value.note;
          return hit;
        },
      );
    },
    findCarefulWords(text) {
      return scan(careful, text, () => true).map(({ value, start, end }) => ({ start, end, entry: value }));
    },
  };
}
