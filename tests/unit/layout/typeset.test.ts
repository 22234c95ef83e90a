import { describe, expect, it } from 'vitest';
import { breakParagraph, NO_LINE_END, NO_LINE_START, setText } from '../../../shared/layout/typeset';

describe('proof typesetting with 避头尾', () => {
  it('fills lines of cpl characters, the first indented by two', () => {
    const lines = breakParagraph('一二三四五六七八九十一二三四五六七八九十', 10, 2);
    expect(lines.map((l) => l.text)).toEqual(['一二三四五六七八', '九十一二三四五六七八', '九十']);
    expect(lines[0]!.indent).toBe(true);
    expect(lines[1]!.indent).toBe(false);
  });

  it('hangs closing marks that would start a line, several in a row included', () => {
    const lines = breakParagraph('一二三四五六七八九十）。下一行', 10, 0);
    expect(lines[0]!.text).toBe('一二三四五六七八九十）。');
    expect(lines[1]!.text).toBe('下一行');
  });

  it('moves an opening mark that would end a line to the next line', () => {
    const lines = breakParagraph('一二三四五六七八九《史记》', 10, 0);
    expect(lines[0]!.text).toBe('一二三四五六七八九');
    expect(lines[1]!.text).toBe('《史记》');
  });

  it('never starts a set line with a closing mark nor ends one with an opening mark', () => {
    const text = '记者了解到，“江城—京津冀产业合作推介会”在北京举行，（来自京津冀地区的）企业代表参会。《史记》《汉书》是史书。'.repeat(6);
    for (const cpl of [9, 11, 13, 20]) {
      for (const line of setText([text], cpl, 2)) {
        expect(NO_LINE_START.has(Array.from(line.text)[0]!)).toBe(false);
        expect(NO_LINE_END.has(Array.from(line.text).at(-1)!)).toBe(false);
      }
    }
  });

  it('counts Latin letters and digits as half a cell', () => {
    const lines = breakParagraph('2026年GDP增长', 6, 0);
    expect(lines.map((l) => l.text)).toEqual(['2026年GDP增', '长']);
  });
});
