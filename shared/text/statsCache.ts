/**
 * Per-paragraph stats memo for editors: retyping one paragraph of a long story recounts only
 * that paragraph. Bounded so a long session cannot grow it without limit; eviction is oldest
 * first (Map keeps insertion order, and a hit re-inserts the entry).
 */
import { paragraphStats, type ParagraphStats } from './count';

export interface ParagraphStatsCache {
  stats(paragraph: string): ParagraphStats;
  readonly size: number;
  clear(): void;
}

export function createParagraphStatsCache(limit = 5000): ParagraphStatsCache {
  if (!(Number.isInteger(limit) && limit > 0)) {
    throw new RangeError(`缓存容量必须是正整数，收到 ${String(limit)}`);
  }
  const map = new Map<string, ParagraphStats>();
  return {
    stats(paragraph) {
      const hit = map.get(paragraph);
      if (hit) {
        map.delete(paragraph);
        map.set(paragraph, hit);
        return hit;
      }
      const s = paragraphStats(paragraph);
      map.set(paragraph, s);
      if (map.size > limit) {
        const oldest = map.keys().next();
        if (!oldest.done) map.delete(oldest.value);
      }
      return s;
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
    },
  };
}
