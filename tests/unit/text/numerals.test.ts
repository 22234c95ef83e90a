import { describe, expect, it } from 'vitest';
import { fromChineseNumeral, toChineseNumeral } from '../../../shared/text/numerals';

describe('toChineseNumeral', () => {
  it('writes page numbers as they are printed', () => {
    const cases: Array<[number, string]> = [
      [1, '一'], [4, '四'], [10, '十'], [12, '十二'], [20, '二十'], [24, '二十四'],
      [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1005, '一千零五'], [0, '零'],
    ];
    for (const [n, s] of cases) expect(toChineseNumeral(n)).toBe(s);
  });

  it('rejects what it cannot write', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
    expect(() => toChineseNumeral(10000)).toThrow(RangeError);
  });
});

describe('fromChineseNumeral', () => {
  it('reads back everything toChineseNumeral writes', () => {
    for (let n = 0; n <= 1200; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('reads 两, 〇 and digit-by-digit forms, and refuses junk', () => {
    expect(fromChineseNumeral('两')).toBe(2);
    expect(fromChineseNumeral('一〇五')).toBe(105);
    expect(fromChineseNumeral('四版')).toBeNull();
    expect(fromChineseNumeral('十百')).toBeNull();
    expect(fromChineseNumeral('')).toBeNull();
  });
});
