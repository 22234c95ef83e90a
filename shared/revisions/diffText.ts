import { diffChars } from 'diff';
import { alignSequences } from './align';

type DiffPartType = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  type: DiffPartType;
  text: string;
}

export interface TextDiff {
  /** equal + delete parts spell the old text, equal + insert parts the new one. */
  parts: DiffPart[];
  /** Characters (code points) inserted and deleted; the line breaks between paragraphs are not counted. */
  added: number;
  removed: number;
  /** False when some stretch was too large to compare by character and is shown as a whole deletion and insertion. */
  exact: boolean;
}

/**
 * Limits on the work one comparison may do. The main process is single-threaded and
 * better-sqlite3 is synchronous, so a diff of two 200,000-character bodies must not stall
 * every other call; past these limits the diff degrades to whole paragraphs instead.
 */
export interface DiffBudget {
  /** A changed stretch longer than this (old + new, after trimming the common ends) is not compared by character. */
  maxStretch: number;
  /** Myers' algorithm gives up on a stretch needing more edits than this. */
  maxEdits: number;
  /** Epoch milliseconds after which every remaining stretch is shown whole. */
  deadline: number;
}

/** A fresh budget for one comparison (one revisions.diff call shares it across every field). */
export function diffBudget(): DiffBudget {
  return { maxStretch: 20_000, maxEdits: 2_000, deadline: Date.now() + 400 };
}

function countCharacters(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== '\n') n += 1;
  return n;
}

/** Collects parts, merging neighbours of the same type and dropping empty ones. */
class PartsBuilder {
  private readonly parts: DiffPart[] = [];
  private exact = true;

  push(type: DiffPartType, text: string): void {
    if (text.length === 0) return;
    const last = this.parts[this.parts.length - 1];
    if (last && last.type === type) last.text += text;
    else this.parts.push({ type, text });
  }

  markInexact(): void {
    this.exact = false;
  }

  finish(): TextDiff {
    slideToParagraphBreaks(this.parts);
    let added = 0;
    let removed = 0;
    for (const part of this.parts) {
      if (part.type === 'insert') added += countCharacters(part.text);
      else if (part.type === 'delete') removed += countCharacters(part.text);
    }
    return { parts: this.parts, added, removed, exact: this.exact };
  }
}

const SLIDE_LIMIT = 200;

/**
 * A paragraph added after "…百亩。" may come out of Myers as "百亩" + [。⏎园内有湖] + "。":
 * minimal, but it reads as if the full stop moved. A pure insertion or deletion that can slide
 * along the equal text around it is moved to start (or else end) at a line break.
 */
function slideToParagraphBreaks(parts: DiffPart[]): void {
  for (let i = 0; i < parts.length; i += 1) {
    const edit = parts[i]!;
    if (edit.type === 'equal' || edit.text.startsWith('\n')) continue;
    const before = parts[i - 1]?.type === 'equal' ? parts[i - 1]! : null;
    const after = parts[i + 1]?.type === 'equal' ? parts[i + 1]! : null;
    if (!before && !after) continue;
    const prev = before?.text ?? '';
    const next = after?.text ?? '';
    const text = edit.text;
    // Sliding right by s moves text[0..s) into `prev` and next[0..s) onto the end; left is the mirror.
    // A line break worth sliding to is near: the search stops after SLIDE_LIMIT characters.
    let right = 0;
    while (right < SLIDE_LIMIT && right < text.length && right < next.length && text[right] === next[right]) right += 1;
    let left = 0;
    while (left < SLIDE_LIMIT && left < text.length && left < prev.length && text[text.length - 1 - left] === prev[prev.length - 1 - left]) left += 1;
    const firstAt = (d: number) => (d >= 0 ? text[d] : prev[prev.length + d]);
    const lastAt = (d: number) => (d > 0 ? next[d - 1] : text[text.length - 1 + d]);
    const shifts: number[] = [];
    for (let d = 1; d <= Math.max(left, right); d += 1) {
      if (d <= right) shifts.push(d);
      if (d <= left) shifts.push(-d);
    }
    const chosen = shifts.find((d) => firstAt(d) === '\n') ?? (text.endsWith('\n') ? undefined : shifts.find((d) => lastAt(d) === '\n'));
    if (chosen === undefined) continue;
    edit.text = chosen > 0 ? text.slice(chosen) + next.slice(0, chosen) : prev.slice(prev.length + chosen) + text.slice(0, text.length + chosen);
    if (chosen > 0) {
      if (before) before.text = prev + text.slice(0, chosen);
      else parts.splice(i++, 0, { type: 'equal', text: text.slice(0, chosen) });
      after!.text = next.slice(chosen);
    } else {
      before!.text = prev.slice(0, prev.length + chosen);
      if (after) after.text = text.slice(text.length + chosen) + next;
      else parts.splice(i + 1, 0, { type: 'equal', text: text.slice(text.length + chosen) });
    }
  }
  for (let i = parts.length - 1; i >= 0; i -= 1) if (parts[i]!.text.length === 0) parts.splice(i, 1);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  // Never cut a surrogate pair (Ext-B Han, emoji) in two.
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i -= 1;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i += 1;
  if (i > 0 && isLowSurrogate(a.charCodeAt(a.length - i))) i -= 1;
  return i;
}

function remainingMs(budget: DiffBudget): number {
  return Math.max(0, budget.deadline - Date.now());
}

function diffInto(out: PartsBuilder, a: string, b: string, budget: DiffBudget): void {
  if (a === b) {
    out.push('equal', a);
    return;
  }
  // Most edits touch a small part of a long text: trimming the shared ends is linear and
  // leaves Myers only the stretch that really changed.
  const prefix = commonPrefix(a, b);
  const suffix = commonSuffix(a, b, prefix);
  const oldMiddle = a.slice(prefix, a.length - suffix);
  const newMiddle = b.slice(prefix, b.length - suffix);
  out.push('equal', a.slice(0, prefix));
  if (oldMiddle.length === 0 || newMiddle.length === 0) {
    out.push('delete', oldMiddle);
    out.push('insert', newMiddle);
  } else {
    const changes =
      oldMiddle.length + newMiddle.length <= budget.maxStretch && Date.now() < budget.deadline
        ? diffChars(oldMiddle, newMiddle, { maxEditLength: budget.maxEdits, timeout: remainingMs(budget) })
        : undefined;
    if (changes) {
      for (const change of changes) out.push(change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value);
    } else {
      out.push('delete', oldMiddle);
      out.push('insert', newMiddle);
      out.markInexact();
    }
  }
  out.push('equal', a.slice(a.length - suffix));
}

/** A character diff of two strings (a word diff says nothing for Chinese, which has no spaces). */
export function diffText(a: string, b: string, budget: DiffBudget = diffBudget()): TextDiff {
  const out = new PartsBuilder();
  diffInto(out, a, b, budget);
  return out.finish();
}

/**
 * A character diff of two bodies given as paragraphs; the text is the paragraphs joined by '\n'.
 * Paragraphs are aligned first and only changed ones are compared by character, so the work
 * follows the size of the edit, not of the article.
 */
export function diffParagraphs(a: readonly string[], b: readonly string[], budget: DiffBudget = diffBudget()): TextDiff {
  const out = new PartsBuilder();
  let ai = 0;
  let bi = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const emit = (oldText: string, newText: string) => {
    const piece = diffText(oldText, newText, budget);
    for (const part of piece.parts) out.push(part.type, part.text);
    if (!piece.exact) out.markInexact();
  };
  // Each paragraph carries the '\n' before it unless it is the first of its side.
  const flush = () => {
    const oldStart = ai - removed.length;
    const newStart = bi - added.length;
    const oldText = (k: number) => (k < removed.length ? (oldStart + k > 0 ? '\n' : '') + removed[k] : '');
    const newText = (k: number) => (k < added.length ? (newStart + k > 0 ? '\n' : '') + added[k] : '');
    const oldPiece = removed.map((_, k) => oldText(k)).join('');
    const newPiece = added.map((_, k) => newText(k)).join('');
    if (oldPiece.length + newPiece.length <= budget.maxStretch) {
      // As one stretch, a paragraph split in two or two joined into one reads as the few characters that moved.
      emit(oldPiece, newPiece);
    } else {
      // Too long as one stretch (a whole body reworked): compare the k-th old paragraph with the k-th new one.
      for (let k = 0; k < Math.max(removed.length, added.length); k += 1) emit(oldText(k), newText(k));
    }
    removed = [];
    added = [];
  };
  for (const run of alignSequences(a, b, budget.deadline)) {
    if (run.kind === 'equal') {
      flush();
      // The '\n' before a paragraph exists only on the side where it is not the first.
      if (ai > 0 && bi > 0) out.push('equal', '\n');
      else if (ai > 0) out.push('delete', '\n');
      else if (bi > 0) out.push('insert', '\n');
      out.push('equal', run.items.join('\n'));
      ai += run.items.length;
      bi += run.items.length;
    } else if (run.kind === 'delete') {
      removed.push(...run.items);
      ai += run.items.length;
    } else {
      added.push(...run.items);
      bi += run.items.length;
    }
  }
  flush();
  return out.finish();
}
