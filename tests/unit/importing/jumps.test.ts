import { describe, expect, it } from 'vitest';
import { recognizeStory } from '../../../shared/import';
import { matchJumpLine } from '../../../shared/import/jumpRecognizer';

describe('jump lines', () => {
  it.each([
    ['（下转4版）', 'out', '4'],
    ['（下转第四版）', 'out', '4'],
    ['（上接1版）', 'in', '1'],
    ['（上接第一版）', 'in', '1'],
    ['（转A2版）', 'out', 'A2'],
    ['（接第十二版）', 'in', '12'],
    ['（下转Ａ２版）', 'out', 'A2'],
    ['( 下转 第 4 版 )', 'out', '4'],
    ['(上接a3版)', 'in', 'A3'],
  ])('%s', (line, direction, page) => {
    expect(matchJumpLine(line)).toEqual({ direction, page });
  });

  it('is not fooled by other parentheses', () => {
    expect(matchJumpLine('（转载）')).toBeNull();
    expect(matchJumpLine('（下转四）')).toBeNull();
  });

  it('strips a jump-out from the end of a paragraph and a jump-in from the start', () => {
    const s = recognizeStory([
      '老旧小区装上“智慧大脑”',
      '（上接第一版）下一步，全市还将在五十个老旧小区推广这一模式。',
      '居民们对此充满期待。（下转A3版）',
    ]);
    expect(s.jumps).toEqual([{ direction: 'in', page: '1' }, { direction: 'out', page: 'A3' }]);
    expect(s.paragraphs).toEqual(['下一步，全市还将在五十个老旧小区推广这一模式。', '居民们对此充满期待。']);
  });

  it('takes jump lines standing alone, also above a continued part, and does not warn about the cut', () => {
    const s = recognizeStory(['（上接1版）', '老旧小区装上“智慧大脑”', '改造资金由市、区两级财政和社区共同承担，部分设备由企业以租赁方式提供，其余设备', '（下转5版）']);
    expect(s.headline).toBe('老旧小区装上“智慧大脑”');
    expect(s.jumps).toEqual([{ direction: 'in', page: '1' }, { direction: 'out', page: '5' }]);
    expect(s.paragraphs).toEqual(['改造资金由市、区两级财政和社区共同承担，部分设备由企业以租赁方式提供，其余设备']);
    expect(s.warnings).toEqual([]);
  });
});
