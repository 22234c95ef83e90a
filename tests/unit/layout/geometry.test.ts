import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  availableLines,
  cellMm,
  cplForColumns,
  pageTemplateSchema,
  pitchMm,
  pitchPt,
  splitColumns,
  type PageTemplate,
} from '../../../shared/layout/geometry';
import { TYPE_SIZES, ptToSizeName, sizeNameToPt } from '../../../shared/layout/typeSizes';

function template(format: string): PageTemplate {
  const t = DEFAULT_TEMPLATES.find((x) => x.format === format);
  if (!t) throw new Error(`no ${format} template`);
  return t;
}
const broadsheet = template('对开');
const tabloid = template('四开');

describe('default templates (§1)', () => {
  it('is an 8-column broadsheet of 13 characters at 9 pt and a 6-column tabloid of 11', () => {
    expect([broadsheet.columns, broadsheet.charsPerColumn, broadsheet.bodyPt]).toEqual([8, 13, 9]);
    expect([tabloid.columns, tabloid.charsPerColumn]).toEqual([6, 11]);
  });

  it('has as many lines per column as the type area holds at the 11.25 pt pitch', () => {
    // pitch = 9 × 1.25 = 11.25 pt × 0.3528 = 3.969 mm; 490 / 3.969 = 123.45; 340 / 3.969 = 85.66
    expect(broadsheet.linesPerColumn).toBe(123);
    expect(Math.floor(broadsheet.typeAreaHeightMm / pitchMm(broadsheet))).toBe(123);
    expect(tabloid.linesPerColumn).toBe(85);
    expect(Math.floor(tabloid.typeAreaHeightMm / pitchMm(tabloid))).toBe(85);
  });

  it('passes its own schema', () => {
    for (const t of DEFAULT_TEMPLATES) expect(pageTemplateSchema.safeParse(t).success).toBe(true);
  });

  it('leaves the folio, and on the front page the masthead, out of the story lines', () => {
    expect(availableLines(broadsheet)).toBe(123 - broadsheet.folioLines);
    expect(availableLines(broadsheet, true)).toBe(123 - broadsheet.folioLines - broadsheet.mastheadLines);
  });
});

describe('column widths', () => {
  it('gives cpl(n) = 13n + (n − 1) on a broadsheet', () => {
    expect([1, 2, 3, 4, 5, 8].map((n) => cplForColumns(broadsheet, n))).toEqual([13, 27, 41, 55, 69, 111]);
    // tabloid full width: 11 × 6 + 5 = 71
    expect(cplForColumns(tabloid, 6)).toBe(71);
  });

  it('refuses a slot wider than the page or of no columns', () => {
    expect(() => cplForColumns(broadsheet, 9)).toThrow(RangeError);
    expect(() => cplForColumns(broadsheet, 0)).toThrow(RangeError);
    expect(() => cplForColumns(broadsheet, 1.5)).toThrow(RangeError);
  });

  it('splits for 破栏: 三破二 = 20 + 20', () => {
    // (41 − 1) / 2
    expect(splitColumns(broadsheet, 3, 2)).toEqual([20, 20]);
    // 四破三: (55 − 2) / 3 = 17 r 2 → the two left columns take one more
    expect(splitColumns(broadsheet, 4, 3)).toEqual([18, 18, 17]);
    // 二破三: (27 − 2) / 3 = 8 r 1
    expect(splitColumns(broadsheet, 2, 3)).toEqual([9, 8, 8]);
  });

  it('gives one column the extra character when two columns do not divide', () => {
    const noGutter = { columns: 8, charsPerColumn: 13, gutterChars: 0 };
    // 3 × 13 = 39 → 20 + 19
    expect(splitColumns(noGutter, 3, 2)).toEqual([20, 19]);
  });

  it('refuses a split with no room for a character', () => {
    expect(() => splitColumns(broadsheet, 1, 8)).toThrow(RangeError);
  });
});

describe('pitch and cell size', () => {
  it('derives pitch and character width from the body size', () => {
    expect(pitchPt(broadsheet)).toBe(11.25);
    expect(pitchMm(broadsheet)).toBeCloseTo(3.969, 3);
    expect(cellMm(broadsheet)).toBeCloseTo(3.1752, 4);
  });
});

describe('pageTemplateSchema', () => {
  function messages(t: unknown): string[] {
    const r = pageTemplateSchema.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  }

  it('rejects a type area larger than the page, in Chinese', () => {
    expect(messages({ ...broadsheet, typeAreaWidthMm: 400 })).toContain('版心宽度超出版面宽度');
    expect(messages({ ...broadsheet, typeAreaHeightMm: 560 })).toContain('版心高度超出版面高度');
  });

  it('rejects non-integer and out-of-range counts', () => {
    expect(messages({ ...broadsheet, columns: 0 })).toContain('基本栏数不能小于 1');
    expect(messages({ ...broadsheet, charsPerColumn: 13.5 })).toContain('每栏字数必须是整数');
    expect(messages({ ...broadsheet, name: '  ' })).toContain('模板名称不能为空');
  });

  it('rejects columns that cannot fit across the type area', () => {
    // 8 × 20 + 7 = 167 characters × 3.1752 mm = 530.3 mm > 350 mm
    expect(messages({ ...broadsheet, charsPerColumn: 20 }).join()).toMatch(/530\.3 毫米，超出版心宽度 350 毫米/);
  });

  it('rejects more lines than the type area holds', () => {
    // 130 × 3.969 = 516.0 mm > 490 × 1.03 = 504.7 mm
    expect(messages({ ...broadsheet, linesPerColumn: 130 }).join()).toMatch(/超出版心高度/);
  });
});

describe('type sizes (§2)', () => {
  it('runs from 初号 42 pt down to 八号 5 pt', () => {
    expect(TYPE_SIZES).toHaveLength(16);
    expect(TYPE_SIZES[0]).toEqual({ name: '初号', pt: 42 });
    expect(TYPE_SIZES.at(-1)).toEqual({ name: '八号', pt: 5 });
    for (let i = 1; i < TYPE_SIZES.length; i++) {
      expect(TYPE_SIZES[i]!.pt).toBeLessThan(TYPE_SIZES[i - 1]!.pt);
    }
  });

  it('looks sizes up by the names editors say', () => {
    expect(sizeNameToPt('一号')).toBe(26);
    expect(sizeNameToPt('小三')).toBe(15);
    expect(sizeNameToPt('小五号')).toBe(9);
    expect(sizeNameToPt('五号')).toBe(10.5);
    expect(sizeNameToPt('九号')).toBeUndefined();
    expect(ptToSizeName(9)).toBe('小五');
  });

  it('uses a paper’s own table when given', () => {
    expect(sizeNameToPt('小五', [{ name: '小五', pt: 9.5 }])).toBe(9.5);
  });
});
