import { describe, expect, it } from 'vitest';
import { breakParagraph, fillColumns, lineSpacing, NO_LINE_END, NO_LINE_START, setText, type SetLine } from '../../../shared/layout/typeset';
import { countCells } from '../../../shared/text/count';

const texts = (lines: readonly SetLine[]) => lines.map((l) => l.text);

describe('proof typesetting with 避头尾', () => {
  it('fills lines of cpl characters, the first indented by two', () => {
    const lines = breakParagraph('一二三四五六七八九十一二三四五六七八九十', 10, 2);
    expect(texts(lines)).toEqual(['一二三四五六七八', '九十一二三四五六七八', '九十']);
    expect(lines[0]!.indent).toBe(true);
    expect(lines[1]!.indent).toBe(false);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });

  it('keeps a closing mark on its line by squeezing the marks when that is enough, and by moving the character before it down when not', () => {
    // one mark over the measure: the line's two marks give up half a cell each
    expect(texts(breakParagraph('一二，三四五六七八九，下一行', 10, 0))).toEqual(['一二，三四五六七八九，', '下一行']);
    // “）。” would overrun by two cells: 十）。 moves down, the line is spread to the measure
    const lines = breakParagraph('一二三四五六七八九十）。下一行', 10, 0);
    expect(texts(lines)).toEqual(['一二三四五六七八九', '十）。下一行']);
    expect(lineSpacing(lines[0]!, 10)).toBeCloseTo(1 / 8);
  });

  it('moves an opening mark that would end a line to the next line', () => {
    const lines = breakParagraph('一二三四五六七八九《史记》', 10, 0);
    expect(lines[0]!.text).toBe('一二三四五六七八九');
    expect(lines[1]!.text).toBe('《史记》');
  });

  it('never starts a set line with a closing mark nor ends one with an opening mark, and no line runs a cell past the measure', () => {
    const text = '记者了解到，“江城—京津冀产业合作推介会”在北京举行，（来自京津冀地区的）企业代表参会。《史记》《汉书》是史书。'.repeat(6);
    for (const cpl of [9, 11, 13, 20]) {
      for (const line of setText([{ text }], cpl, 2)) {
        expect(NO_LINE_START.has(Array.from(line.text)[0]!)).toBe(false);
        expect(NO_LINE_END.has(Array.from(line.text).at(-1)!)).toBe(false);
        expect(line.cells + (line.indent ? 2 : 0)).toBeLessThanOrEqual(cpl + 1);
      }
    }
  });

  it('counts Latin letters and digits as half a cell', () => {
    const lines = breakParagraph('2026年GDP增长', 6, 0);
    expect(texts(lines)).toEqual(['2026年GDP增', '长']);
  });
});

describe('numbers and Latin words stay whole', () => {
  it('never splits a number from its decimal point, percent sign or digits', () => {
    // the old breaker set “占签约总额的44.” and “6%” on two lines, and “15” and “00辆” likewise
    expect(texts(breakParagraph('总投资172亿元，占签约总额的44.6%。其中', 13, 0))).toEqual(['总投资172亿元，占签约总额的', '44.6%。其中']);
    const cars = texts(breakParagraph('全市新能源汽车保有量突破1500辆', 13, 0));
    expect(cars.join('|')).not.toMatch(/\d\|\d/);
    expect(cars).toContain('1500辆');
  });

  it('keeps Latin words, hyphenated words and units whole, breaking at spaces between words', () => {
    for (const cpl of [6, 7, 8, 9, 10, 11, 12, 13]) {
      const lines = texts(breakParagraph('算力规模将达到2000PFLOPS（每秒2000千万亿次浮点运算），COVID-19疫苗，气温−3℃，时速120km/h，World Health Organization', cpl, 2));
      const joined = lines.join('|');
      for (const whole of ['2000PFLOPS', 'COVID-19', '−3℃', '120km/h', 'World', 'Health', 'Organization']) {
        if (countCells(whole) <= cpl) expect(joined, `cpl ${cpl}`).toContain(whole);
      }
      for (const line of lines) expect(line).toBe(line.trim());
    }
  });

  it('splits a run longer than a whole line where the measure ends', () => {
    const lines = breakParagraph('网址https://example.com/a/very/long/path/to/a/page结束', 10, 0);
    expect(lines.map((l) => l.cells).every((c) => c <= 10)).toBe(true);
    expect(texts(lines).join('')).toBe('网址https://example.com/a/very/long/path/to/a/page结束');
  });

  it('measures with the proof font when given one', () => {
    const wide = (ch: string) => (/[0-9A-Za-z]/.test(ch) ? 0.6 : countCells(ch));
    const lines = breakParagraph('一二三四五六七八ABCDEFGHIJ', 10, 0, wide);
    expect(texts(lines)).toEqual(['一二三四五六七八', 'ABCDEFGHIJ']);
    expect(lines[1]!.cells).toBeCloseTo(6);
  });
});

describe('setting a line to the measure', () => {
  it('spreads a line a little short, leaves one far short ragged, leaves a paragraph’s last line as it is, squeezes a line over the measure', () => {
    expect(lineSpacing({ text: '一二三四五六七八', cells: 8, last: false }, 9)).toBeCloseTo(1 / 7);
    // a line the break left far short (a long word moved down) is not spaced out letter by letter
    expect(lineSpacing({ text: '一二三四五', cells: 5, last: false }, 9)).toBe(0);
    expect(lineSpacing({ text: '一二三', cells: 3, last: true }, 9)).toBe(0);
    expect(lineSpacing({ text: '一二三四五六七八九，', cells: 10, last: true }, 9)).toBeCloseTo(-1 / 9);
  });
});

describe('columns', () => {
  const body = (n: number, heading = false): SetLine[] => Array.from({ length: n }, (_, i) => ({ text: `行${i}`, indent: i === 0, cells: 2, last: i === n - 1, heading }));

  it('pours lines top to bottom and reports what no column holds', () => {
    const { columns, rest } = fillColumns(body(7), [3, 3]);
    expect(columns.map((c) => c.length)).toEqual([3, 3]);
    expect(rest).toHaveLength(1);
  });

  it('never leaves a 小标题 at the foot of a column: it starts the next column with the lines after it', () => {
    const lines = [...body(3), ...body(1, true), ...body(4)];
    const { columns } = fillColumns(lines, [5, 5]);
    expect(columns[0]!.map((l) => l.heading)).toEqual([false, false, false]);
    expect(columns[1]![0]!.heading).toBe(true);
    expect(columns[1]!).toHaveLength(5);
  });

  it('keeps a 小标题 with the lines after it into the overset rather than alone at the foot of the last column', () => {
    const lines = [...body(4), ...body(1, true), ...body(4)];
    const { columns, rest } = fillColumns(lines, [6]);
    expect(columns[0]!).toHaveLength(4);
    expect(rest[0]!.heading).toBe(true);
  });

  it('sets a 小标题 and a byline line without indent where asked', () => {
    const lines = setText([{ text: '□本报记者 张晓明', kind: 'byline' }, { text: '正文第一段。' }, { text: '小标题', kind: 'h' }], 13, 2);
    expect(lines.map((l) => [l.indent, l.heading])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
  });
});
