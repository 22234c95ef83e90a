import { diffArrays } from 'diff';

export interface AlignedRun {
  kind: 'equal' | 'delete' | 'insert';
  items: string[];
}

/** Gaps between anchors up to this many items (both sides) get a full Myers alignment. */
const SMALL_GAP = 100;

/** Indices into `pairs` of a longest run whose second members increase (patience sorting, O(n log n)). */
function longestIncreasing(pairs: readonly (readonly [number, number])[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k += 1) {
    const value = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: number[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) out.push(k);
  return out.reverse();
}

/**
 * Aligns two sequences of paragraphs (patience diff): paragraphs that occur exactly once on
 * each side anchor the alignment and only the small gaps between anchors get Myers. jsdiff's
 * Myers on 2,000 reworked paragraphs takes many seconds; this takes milliseconds, and a gap too
 * large to align is reported as deleted-then-inserted, which callers compare item by item.
 */
export function alignSequences(a: readonly string[], b: readonly string[], deadline = Infinity): AlignedRun[] {
  const runs: AlignedRun[] = [];
  const push = (kind: AlignedRun['kind'], items: readonly string[]) => {
    if (items.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.items.push(...items);
    else runs.push({ kind, items: [...items] });
  };
  const gap = (a0: number, a1: number, b0: number, b1: number) => {
    const x = a.slice(a0, a1);
    const y = b.slice(b0, b1);
    const changes =
      x.length > 0 && y.length > 0 && x.length + y.length <= SMALL_GAP
        ? diffArrays(x, y, { timeout: Math.max(0, deadline - Date.now()) })
        : undefined;
    if (changes) {
      for (const c of changes) push(c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value);
    } else {
      push('delete', x);
      push('insert', y);
    }
  };

  const countA = new Map<string, number>();
  for (const item of a) countA.set(item, (countA.get(item) ?? 0) + 1);
  const uniqueInB = new Map<string, number>();
  const seenInB = new Set<string>();
  b.forEach((item, j) => {
    if (seenInB.has(item)) uniqueInB.delete(item);
    else {
      seenInB.add(item);
      uniqueInB.set(item, j);
    }
  });
  const pairs: [number, number][] = [];
  a.forEach((item, i) => {
    const j = uniqueInB.get(item);
    if (j !== undefined && countA.get(item) === 1) pairs.push([i, j]);
  });

  let ai = 0;
  let bi = 0;
  for (const k of longestIncreasing(pairs)) {
    const [i, j] = pairs[k]!;
    gap(ai, i, bi, j);
    push('equal', [a[i]!]);
    ai = i + 1;
    bi = j + 1;
  }
  gap(ai, a.length, bi, b.length);
  return runs;
}
