import { describe, expect, it } from 'vitest';
import {
  checkJumps,
  jumpInLine,
  jumpOutLine,
  normalisePageLabel,
  parseJumpLine,
  toChineseNumeral,
  type JumpRecord,
} from '../../../shared/layout/jumpLines';

describe('jump lines', () => {
  it('prints each paper style with full-width parentheses and no spaces', () => {
    expect(jumpOutLine(4, 'arabic')).toBe('（下转4版）');
    expect(jumpInLine(1, 'arabic')).toBe('（上接1版）');
    expect(jumpOutLine(4, 'chinese')).toBe('（下转第四版）');
    expect(jumpInLine('1', 'chinese')).toBe('（上接第一版）');
    expect(jumpOutLine(12, 'chinese')).toBe('（下转第十二版）');
    expect(jumpOutLine('A2', 'lettered')).toBe('（下转A2版）');
    expect(jumpInLine('ａ1', 'lettered')).toBe('（上接A1版）');
  });

  it('refuses to print a lettered page in a numeric style', () => {
    expect(() => jumpOutLine('A2', 'chinese')).toThrow(RangeError);
    expect(() => jumpOutLine('A2', 'arabic')).toThrow(RangeError);
  });

  it('re-exports the numeral writer', () => {
    expect(toChineseNumeral(24)).toBe('二十四');
  });
});

describe('parseJumpLine', () => {
  it('reads every §5 variant', () => {
    const cases: Array<[string, 'out' | 'in', string]> = [
      ['（下转4版）', 'out', '4'],
      ['（下转第四版）', 'out', '4'],
      ['（上接1版）', 'in', '1'],
      ['（上接第一版）', 'in', '1'],
      ['（下转A2版）', 'out', 'A2'],
      ['（上接A1版）', 'in', 'A1'],
      ['（转4版）', 'out', '4'],
      ['（接第十二版）', 'in', '12'],
    ];
    for (const [text, direction, page] of cases) {
      expect(parseJumpLine(text), text).toMatchObject({ direction, page });
    }
  });

  it('tolerates OCR noise: half-width parentheses, spaces, full-width digits and letters', () => {
    expect(parseJumpLine('(下转 A2 版)')).toMatchObject({ direction: 'out', page: 'A2' });
    expect(parseJumpLine('（ 上 接 第 ４ 版 ）')).toMatchObject({ direction: 'in', page: '4' });
    expect(parseJumpLine('（上接ａ３版）')).toMatchObject({ page: 'A3' });
  });

  it('finds the jump at the end of a paragraph and says where it is', () => {
    const text = '项目明年投产。（下转4版）';
    expect(parseJumpLine(text)).toEqual({ direction: 'out', page: '4', start: 7, end: 13 });
  });

  it('ignores text that is not a jump line', () => {
    expect(parseJumpLine('转4版')).toBeNull();
    expect(parseJumpLine('（下转版）')).toBeNull();
    expect(parseJumpLine('（下转第三季度）')).toBeNull();
  });

  it('normalises page labels the same way everywhere', () => {
    expect(normalisePageLabel('第四')).toBe('4');
    expect(normalisePageLabel('04')).toBe('4');
    expect(normalisePageLabel('Ａ２')).toBe('A2');
    expect(normalisePageLabel(7)).toBe('7');
  });
});

describe('checkJumps', () => {
  const pages = [1, 2, 3, 4];
  const codes = (jumps: JumpRecord[], p: Array<string | number> = pages) => checkJumps(jumps, p).map((x) => x.code);

  it('accepts a jump whose printed lines match its pages', () => {
    expect(
      checkJumps(
        [{ id: 'j1', fromSlot: { page: 1 }, toSlot: { page: 4 }, outText: '（下转4版）', inText: '（上接第一版）' }],
        pages,
      ),
    ).toEqual([]);
    expect(codes([{ id: 'j', fromSlot: { page: 'a1' }, toSlot: { page: 'Ａ2' } }], ['A1', 'A2'])).toEqual([]);
  });

  it('finds a jump-out with no jump-in', () => {
    const problems = checkJumps([{ id: 'j2', fromSlot: { page: 2 }, toSlot: null }], pages);
    expect(problems).toEqual([{ jumpId: 'j2', code: 'no-jump-in', message: '2 版转出的稿件还没有接续位置' }]);
  });

  it('finds a missing target or source page and a jump to the same page', () => {
    expect(codes([{ id: 'j', fromSlot: { page: 3 }, toSlot: { page: 9 } }])).toEqual(['target-page-missing']);
    expect(codes([{ id: 'j', fromSlot: { page: 8 }, toSlot: { page: 2 } }])).toEqual(['source-page-missing']);
    expect(codes([{ id: 'j', fromSlot: { page: 3 }, toSlot: { page: '第三' } }])).toEqual(['same-page']);
  });

  it('finds two jump-ins into one slot and two jump-outs from one slot', () => {
    expect(
      codes([
        { id: 'a', fromSlot: { page: 1, slotId: 's1' }, toSlot: { page: 4, slotId: 'x' } },
        { id: 'b', fromSlot: { page: 2, slotId: 's2' }, toSlot: { page: 4, slotId: 'x' } },
      ]),
    ).toEqual(['duplicate-jump-in']);
    expect(
      codes([
        { id: 'a', fromSlot: { page: 1, slotId: 's1' }, toSlot: { page: 3, slotId: 'x' } },
        { id: 'b', fromSlot: { page: 1, slotId: 's1' }, toSlot: { page: 4, slotId: 'y' } },
      ]),
    ).toEqual(['duplicate-jump-out']);
    // two stories on one page jumping to two slots of another page are fine
    expect(
      codes([
        { id: 'a', fromSlot: { page: 1, slotId: 's1' }, toSlot: { page: 4, slotId: 'x' } },
        { id: 'b', fromSlot: { page: 1, slotId: 's2' }, toSlot: { page: 4, slotId: 'y' } },
      ]),
    ).toEqual([]);
  });

  it('flags printed lines left stale after pages were reordered', () => {
    // the continuation moved from page 4 to page 3; the page-1 story moved to page 2
    const problems = codes([
      { id: 'j', fromSlot: { page: 2 }, toSlot: { page: 3 }, outText: '（下转4版）', inText: '（上接第一版）' },
    ]);
    expect(problems).toEqual(['out-line-mismatch', 'in-line-mismatch']);
  });
});
