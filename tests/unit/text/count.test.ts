import { describe, expect, it } from 'vitest';
import {
  bodyLines,
  countCells,
  countChars,
  countParagraphs,
  linesForCells,
  offsetAtCells,
  paragraphLines,
  paragraphStats,
  textStats,
} from '../../../shared/text/count';

describe('countChars (字数)', () => {
  it('counts each Han character and full-width mark as 1', () => {
    // 记者了解到 (5) + ， (1) + 该项目 (3)
    expect(countChars('记者了解到，该项目')).toBe(9);
  });

  it('counts a Latin/digit run as one word, as WPS does', () => {
    // iPhone15 (1) + 发 布 (2)
    expect(countChars('iPhone15发布')).toBe(3);
    expect(countChars('Hello world')).toBe(2);
  });

  it('keeps decimal points and thousands separators inside a number', () => {
    // 增 长 (2) + 3.5 (1) + % (1): the percent sign is a symbol of its own
    expect(countChars('增长3.5%')).toBe(4);
    expect(countChars('1,000元')).toBe(2);
    // a comma between letters is punctuation: a , b
    expect(countChars('a,b')).toBe(3);
    // COVID, -, 19
    expect(countChars('COVID-19')).toBe(3);
  });

  it('counts half-width punctuation once each and whitespace not at all', () => {
    // " 安 全 " = 4
    expect(countChars('"安全"')).toBe(4);
    // 张 三 李 四; the ASCII space, U+3000 and the newline count 0
    expect(countChars('张 三\u3000李四\n')).toBe(4);
    expect(countChars('')).toBe(0);
  });

  it('counts a surrogate pair as one character, not two', () => {
    const extB = '\u{20000}';
    expect(extB.length).toBe(2);
    expect(countChars(extB)).toBe(1);
    expect(countChars(`${extB}字`)).toBe(2);
  });

  it('counts 〇 and compatibility ideographs as Han', () => {
    expect(countChars('二〇二四年')).toBe(5);
    expect(countChars('\uF900')).toBe(1);
  });

  it('counts an emoji sequence as what the reader sees: one', () => {
    expect(countChars('👍')).toBe(1);
    expect(countChars('👍🏽')).toBe(1); // skin tone modifier
    expect(countChars('👨‍👩‍👧')).toBe(1); // ZWJ family
    expect(countChars('🇨🇳')).toBe(1); // flag = two regional indicators
    expect(countChars('❤️')).toBe(1); // variation selector
  });

  it('is not fooled by a whitespace-split word count: a Chinese paragraph is many 字', () => {
    expect(countChars('今天天气很好')).toBe(6);
  });
});

describe('countCells (copy-fit)', () => {
  it('gives a Han character or full-width mark one cell', () => {
    expect(countCells('记者了解到，该项目')).toBe(9);
  });

  it('gives —— and …… two cells, one per mark', () => {
    expect(countCells('——')).toBe(2);
    expect(countCells('……')).toBe(2);
    expect(countCells('“安全”')).toBe(4);
  });

  it('gives half-width letters, digits, punctuation and spaces half a cell', () => {
    expect(countCells('iPhone15')).toBe(4); // 8 × 0.5
    // 增 长 (2) + space, 5, % (3 × 0.5)
    expect(countCells('增长 5%')).toBe(3.5);
  });

  it('gives full-width forms and U+3000 a full cell', () => {
    expect(countCells('ＡＢ１')).toBe(3);
    expect(countCells('\u3000')).toBe(1);
  });

  it('counts combining marks and emoji sequences once', () => {
    expect(countCells('e\u0301')).toBe(0.5);
    expect(countCells('👨‍👩‍👧')).toBe(1);
    expect(countCells('🇨🇳')).toBe(1);
    expect(countCells('\u{20000}')).toBe(1);
  });
});

describe('paragraph stats', () => {
  it('ignores a hand-typed indent so layout does not indent twice', () => {
    expect(paragraphStats('\u3000\u3000记者 ')).toEqual({ chars: 2, cells: 2 });
  });

  it('sums chars and cells and counts only non-blank paragraphs', () => {
    // 记者到场。 = 5 chars, 5 cells
    // GDP增长5% = GDP(1) 增长(2) 5(1) %(1) = 5 chars; 1.5 + 2 + 0.5 + 0.5 = 4.5 cells
    expect(textStats(['记者到场。', '', '  ', 'GDP增长5%'])).toEqual({ chars: 10, cells: 9.5, paragraphs: 2 });
    expect(countParagraphs(['a', '', '\u3000', 'b'])).toBe(2);
  });
});

describe('bodyLines: Σ ⌈(indent + cells) / cpl⌉', () => {
  it('needs a second line exactly when indent + cells passes cpl', () => {
    // (2 + 11) / 13 = 1 line; (2 + 12) / 13 → 2 lines
    expect(bodyLines(['字'.repeat(11)], 13)).toBe(1);
    expect(bodyLines(['字'.repeat(12)], 13)).toBe(2);
  });

  it('rounds half cells up to a whole line', () => {
    // 22 × 0.5 = 11 cells → 13/13 = 1; 23 × 0.5 = 11.5 → 13.5/13 → 2
    expect(bodyLines(['a'.repeat(22)], 13)).toBe(1);
    expect(bodyLines(['a'.repeat(23)], 13)).toBe(2);
  });

  it('skips blank paragraphs and honours a custom indent', () => {
    // indent 0: 13/13 = 1 and 14/13 → 2
    expect(bodyLines(['字'.repeat(13), '', '字'.repeat(14)], 13, 0)).toBe(3);
    expect(linesForCells([13, 0, 14], 13, 0)).toBe(3);
    expect(paragraphLines(0, 13)).toBe(0);
  });

  it('rejects a non-positive column width with a clear RangeError', () => {
    expect(() => bodyLines(['字'], 0)).toThrow(RangeError);
    expect(() => bodyLines(['字'], -3)).toThrow(/cpl/);
    expect(() => bodyLines(['字'], Number.NaN)).toThrow(RangeError);
  });
});

describe('offsetAtCells', () => {
  it('finds the UTF-16 index of the first character past the room', () => {
    // leading U+3000 skipped; a (0.5) b (0.5) 字 (2) 字 (3 > 2) → index 1 + 2 + 1 = 4
    expect(offsetAtCells('\u3000ab字字字', 2)).toBe(4);
  });

  it('steps over surrogate pairs as one character', () => {
    // 𠀀 is 2 UTF-16 units: 字 (1) 𠀀 (2) 字 (3 > 2) at index 3
    expect(offsetAtCells('字\u{20000}字', 2)).toBe(3);
    expect(offsetAtCells('字字', 5)).toBe(2);
  });
});
