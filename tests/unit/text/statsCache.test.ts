import { describe, expect, it } from 'vitest';
import { createParagraphStatsCache } from '../../../shared/text/statsCache';

describe('createParagraphStatsCache', () => {
  it('returns the same stats as a fresh count and reuses the cached object', () => {
    const cache = createParagraphStatsCache(10);
    const a = cache.stats('iPhone15发布');
    expect(a).toEqual({ chars: 3, cells: 6 }); // 8 × 0.5 + 2
    expect(cache.stats('iPhone15发布')).toBe(a);
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used paragraph beyond its limit', () => {
    const cache = createParagraphStatsCache(2);
    const first = cache.stats('甲');
    cache.stats('乙');
    cache.stats('甲'); // 甲 is now the most recent
    cache.stats('丙'); // evicts 乙
    expect(cache.size).toBe(2);
    expect(cache.stats('甲')).toBe(first);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(() => createParagraphStatsCache(0)).toThrow(RangeError);
  });
});
