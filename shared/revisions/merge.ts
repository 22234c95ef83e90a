import type { ArticleFields } from '../domain/article';
import type { DocNode } from '../document/docTypes';
import { alignSequences } from './align';
import { FIELD_KEYS, type FieldKey } from '../article/fields';
import { blocksText, canonical, fieldText, sameValue } from './fields';

export type MergeChoice = 'mine' | 'theirs';

interface MergeConflict {
  field: FieldKey;
  /** For the body: the 0-based index, in my body, of the first top-level block both sides changed. */
  paragraph?: number;
  /** Both sides as text a person can compare. */
  mine: string;
  theirs: string;
}

export interface MergeResult {
  /** The merge with every conflict settled for my side (what `resolve([])` returns). */
  merged: ArticleFields;
  conflicts: MergeConflict[];
  /** The merge with conflict i settled by choices[i]; a missing choice keeps mine. */
  resolve(choices: readonly MergeChoice[]): ArticleFields;
}

type BodyPiece = { blocks: readonly DocNode[] } | { conflict: number; mine: readonly DocNode[]; theirs: readonly DocNode[] };

/** The three-way rule, for a field or a paragraph: the side that changed wins; null when both changed differently. */
function pick<T>(base: T, mine: T, theirs: T, same: (a: T, b: T) => boolean): MergeChoice | null {
  if (same(mine, base)) return 'theirs';
  if (same(theirs, base) || same(mine, theirs)) return 'mine';
  return null;
}

/** For each element of `from`: its index in `to` where the two align, or -1. */
function matchIndices(from: readonly string[], to: readonly string[]): Int32Array {
  const map = new Int32Array(from.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const run of alignSequences(from, to)) {
    const n = run.items.length;
    if (run.kind === 'insert') j += n;
    else if (run.kind === 'delete') i += n;
    else for (let k = 0; k < n; k += 1) map[i++] = j++;
  }
  return map;
}

/** diff3 over top-level blocks: regions unchanged on all three sides anchor the merge. */
function mergeBlocks(base: readonly DocNode[], mine: readonly DocNode[], theirs: readonly DocNode[], addConflict: (c: MergeConflict) => number): BodyPiece[] {
  const key = (blocks: readonly DocNode[]) => blocks.map(canonical);
  const baseKeys = key(base);
  const mineKeys = key(mine);
  const theirKeys = key(theirs);
  const toMine = matchIndices(baseKeys, mineKeys);
  const toTheirs = matchIndices(baseKeys, theirKeys);
  const sameBlocks = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  const pieces: BodyPiece[] = [];

  const settle = (b0: number, b1: number, m0: number, m1: number, t0: number, t1: number) => {
    const b = baseKeys.slice(b0, b1);
    const m = mineKeys.slice(m0, m1);
    const t = theirKeys.slice(t0, t1);
    const side = pick(b, m, t, sameBlocks);
    if (side) {
      pieces.push({ blocks: side === 'mine' ? mine.slice(m0, m1) : theirs.slice(t0, t1) });
      return;
    }
    // The same paragraphs edited on both sides: settle each paragraph on its own.
    if (b.length === m.length && m.length === t.length) {
      for (let k = 0; k < b.length; k += 1) {
        const one = pick(b[k], m[k], t[k], (x, y) => x === y);
        if (one) pieces.push({ blocks: one === 'mine' ? [mine[m0 + k]!] : [theirs[t0 + k]!] });
        else pushConflict(m0 + k, mine.slice(m0 + k, m0 + k + 1), theirs.slice(t0 + k, t0 + k + 1));
      }
      return;
    }
    pushConflict(m0, mine.slice(m0, m1), theirs.slice(t0, t1));
  };
  const pushConflict = (paragraph: number, m: readonly DocNode[], t: readonly DocNode[]) => {
    const conflict = addConflict({ field: 'body', paragraph, mine: blocksText(m), theirs: blocksText(t) });
    pieces.push({ conflict, mine: m, theirs: t });
  };

  let b = 0;
  let m = 0;
  let t = 0;
  for (let i = 0; i <= base.length; i += 1) {
    const anchored = i < base.length && toMine[i]! >= 0 && toTheirs[i]! >= 0;
    if (!anchored && i < base.length) continue;
    const mEnd = i < base.length ? toMine[i]! : mine.length;
    const tEnd = i < base.length ? toTheirs[i]! : theirs.length;
    if (i > b || mEnd > m || tEnd > t) settle(b, i, m, mEnd, t, tEnd);
    if (i < base.length) pieces.push({ blocks: [mine[mEnd]!] });
    b = i + 1;
    m = mEnd + 1;
    t = tEnd + 1;
  }
  return pieces;
}

function blocksOf(doc: DocNode): readonly DocNode[] {
  return doc.content ?? [];
}

/**
 * A three-way merge of a story saved by someone else while I edited it. `base` is the version
 * I started from, `mine` my local fields (a missing field means I did not change it), `theirs`
 * the version now saved. A field changed on one side only takes that side; changed on both to
 * the same value is fine; changed on both differently is a conflict. The body is merged per
 * top-level paragraph the same way, so two people editing different paragraphs never collide.
 */
export function mergeArticles(base: ArticleFields, mine: Partial<ArticleFields>, theirs: ArticleFields): MergeResult {
  const conflicts: MergeConflict[] = [];
  const addConflict = (c: MergeConflict) => conflicts.push(c) - 1;
  const settled: Partial<Record<FieldKey, unknown>> = {};
  const open: { field: FieldKey; conflict: number; mine: unknown; theirs: unknown }[] = [];
  let body: BodyPiece[] = [];

  for (const field of FIELD_KEYS) {
    const mineValue = mine[field] !== undefined ? mine[field] : base[field];
    if (field === 'body') {
      body = mergeBlocks(blocksOf(base.body), blocksOf(mineValue as DocNode), blocksOf(theirs.body), addConflict);
      continue;
    }
    const side = pick<unknown>(base[field], mineValue, theirs[field], sameValue);
    if (side) settled[field] = side === 'mine' ? mineValue : theirs[field];
    else {
      const conflict = addConflict({ field, mine: fieldText(field, { [field]: mineValue }), theirs: fieldText(field, theirs) });
      open.push({ field, conflict, mine: mineValue, theirs: theirs[field] });
    }
  }

  const resolve = (choices: readonly MergeChoice[]): ArticleFields => {
    const take = (conflict: number) => choices[conflict] ?? 'mine';
    const fields: Partial<Record<FieldKey, unknown>> = { ...settled };
    for (const o of open) fields[o.field] = take(o.conflict) === 'mine' ? o.mine : o.theirs;
    const blocks = body.flatMap((piece) =>
      'blocks' in piece ? piece.blocks : take(piece.conflict) === 'mine' ? piece.mine : piece.theirs,
    );
    // The editor cannot show a document without a block.
    fields.body = { ...theirs.body, content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] };
    return fields as unknown as ArticleFields;
  };

  return { merged: resolve([]), conflicts, resolve };
}
