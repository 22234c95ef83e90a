import { describe, expect, it } from 'vitest';
import { copyfitPlain } from '../../../shared/layout/copyfit';

// 11 字 (11 chars, 11 cells) / iPhone15发布会 (1 + 3 = 4 chars; 8 × 0.5 + 3 = 7 cells) / blank lines
const text = `${'字'.repeat(11)}\niPhone15发布会\n\n`;

describe('copyfitPlain', () => {
  it('counts a file of one paragraph a line, with no slot fields without a slot', () => {
    // lines at cpl 13: ⌈13/13⌉ = 1 and ⌈(2 + 7)/13⌉ = 1
    expect(copyfitPlain(text, { cpl: 13 })).toEqual({
      chars: 15,
      cells: 18,
      paragraphs: 2,
      bodyLines: 2,
      headlineLines: 0,
      capacityLines: null,
      capacityChars: null,
      overChars: null,
      overLines: null,
    });
  });

  it('takes the headline out of every column of the slot', () => {
    // headline (26 + 15)/11.25 + 3 → 7; capacity = 2 × (8 − 7) = 2 lines = 26 characters
    // under: no free line, the last line has 13 − (2 + 7) = 4 blank cells
    const r = copyfitPlain(text, { cpl: 13, columns: 2, lines: 8, headlinePt: [26, 15] });
    expect(r).toMatchObject({ headlineLines: 7, capacityLines: 2, capacityChars: 26, overLines: 0, overChars: -4 });
  });

  it('reports the overset characters when the slot is too short', () => {
    // 1 column × 1 line: paragraph 1 fills it, all 7 cells of paragraph 2 are overset
    const r = copyfitPlain(text, { cpl: 13, lines: 1 });
    expect(r).toMatchObject({ capacityLines: 1, capacityChars: 13, overLines: 1, overChars: 7 });
  });

  it('reads Windows line ends and rejects a zero width', () => {
    expect(copyfitPlain('甲\r\n乙\r\n', { cpl: 13 }).paragraphs).toBe(2);
    expect(() => copyfitPlain(text, { cpl: 0 })).toThrow(RangeError);
  });
});
