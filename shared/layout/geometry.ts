/**
 * Page templates and page-grid arithmetic (§1). Every number is a per-paper default.
 * Widths are measured in characters of body type; depths in body lines.
 */
import { z } from 'zod';
import { typographySchema, type Typography } from './typography';

/** Millimetres in one point: 1 pt = 1/72 in = 0.3528 mm (the value the textbooks use). */
const PT_TO_MM = 0.3528;

export interface PageTemplate {
  id?: string;
  name: string;
  format: '对开' | '四开' | (string & {});
  pageWidthMm: number;
  pageHeightMm: number;
  typeAreaWidthMm: number;
  typeAreaHeightMm: number;
  /** basic columns 基本栏 */
  columns: number;
  /** characters per basic column line */
  charsPerColumn: number;
  /** gutter 栏空 between basic columns, in characters */
  gutterChars: number;
  bodyPt: number;
  /** leading as a share of the body size: 0.25 → pitch = 1.25 × body */
  leadingRatio: number;
  linesPerColumn: number;
  /** lines a front-page masthead 报头 takes (front page only) */
  mastheadLines: number;
  /** lines the folio / page header 眉头 takes on every page */
  folioLines: number;
  /** paragraph indent in characters */
  indentChars: number;
  /** how jump lines print the page: （下转4版） arabic, （下转第四版） chinese, （下转A2版） lettered; default arabic */
  jumpStyle?: 'arabic' | 'chinese' | 'lettered';
  /** face and size per story element; missing elements take DEFAULT_TYPOGRAPHY (see typographyOf) */
  typography?: Partial<Typography>;
}

export const DEFAULT_TEMPLATES: readonly PageTemplate[] = [
  {
    id: 'broadsheet-8',
    name: '对开 8 栏',
    format: '对开',
    pageWidthMm: 390,
    pageHeightMm: 550,
    typeAreaWidthMm: 350,
    typeAreaHeightMm: 490,
    columns: 8,
    charsPerColumn: 13,
    gutterChars: 1,
    bodyPt: 9,
    leadingRatio: 0.25,
    // 490 mm / (11.25 pt × 0.3528) = 490 / 3.969 = 123.45 → 123
    linesPerColumn: 123,
    mastheadLines: 24, // [INF] about a fifth of the page
    folioLines: 3, // [INF]
    indentChars: 2,
  },
  {
    id: 'tabloid-6',
    name: '四开 6 栏',
    format: '四开',
    pageWidthMm: 275,
    pageHeightMm: 390,
    typeAreaWidthMm: 250, // [INF]
    typeAreaHeightMm: 340, // [INF]
    columns: 6,
    charsPerColumn: 11,
    gutterChars: 1,
    bodyPt: 9,
    leadingRatio: 0.25,
    // 340 / 3.969 = 85.66 → 85
    linesPerColumn: 85,
    mastheadLines: 16, // [INF]
    folioLines: 3, // [INF]
    indentChars: 2,
  },
];

type Grid = Pick<PageTemplate, 'columns' | 'charsPerColumn' | 'gutterChars'>;

function assertColumnCount(template: Grid, n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1 || n > template.columns) {
    throw new RangeError(`${what}必须是 1～${template.columns} 的整数，收到 ${String(n)}`);
  }
}

/** Characters across n basic columns including the gutters between them: 13n + (n − 1). */
export function cplForColumns(template: Grid, n: number): number {
  assertColumnCount(template, n, '栏数');
  return template.charsPerColumn * n + template.gutterChars * (n - 1);
}

/**
 * 破栏: the width of n basic columns re-split into k columns with the template's gutter between
 * them. When the characters do not divide evenly the leftmost columns take one extra each
 * (for k = 2 that is "one column gets the extra character").
 */
export function splitColumns(template: Grid, n: number, k: number): number[] {
  const total = cplForColumns(template, n);
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`破栏栏数必须是正整数，收到 ${String(k)}`);
  }
  const text = total - template.gutterChars * (k - 1);
  const base = Math.floor(text / k);
  if (base < 1) throw new RangeError(`${n} 栏宽度不够分成 ${k} 栏`);
  const extra = text - base * k;
  return Array.from({ length: k }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Line pitch in points: body × (1 + leading ratio) — 9 × 1.25 = 11.25. */
export function pitchPt(template: Pick<PageTemplate, 'bodyPt' | 'leadingRatio'>): number {
  return template.bodyPt * (1 + template.leadingRatio);
}

export function pitchMm(template: Pick<PageTemplate, 'bodyPt' | 'leadingRatio'>): number {
  return pitchPt(template) * PT_TO_MM;
}

/** Width of one body character in mm (square Chinese type): 9 pt → 3.1752 mm. */
export function cellMm(template: Pick<PageTemplate, 'bodyPt'>): number {
  return template.bodyPt * PT_TO_MM;
}

/** Lines left for stories on a page after the folio (and the masthead on the front page). */
export function availableLines(template: PageTemplate, frontPage = false): number {
  return template.linesPerColumn - template.folioLines - (frontPage ? template.mastheadLines : 0);
}

/**
 * Grid tolerance: 111 characters of 9 pt are 352.4 mm, 0.7 % wider than the 350 mm 版心 of §1,
 * because 小五 is really a little under 9 pt. 3 % absorbs that without letting a
 * template with a wrong column count through.
 */
const GRID_TOLERANCE = 1.03;

const int = (label: string, min: number, max: number) =>
  z
    .number(`${label}必须是数字`)
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

const mm = (label: string) =>
  z.number(`${label}必须是数字`).positive(`${label}必须大于 0`).max(2000, `${label}不能大于 2000 毫米`);

export const pageTemplateSchema = z
  .object({
    id: z.string().min(1, '模板编号不能为空').optional(),
    name: z.string(`模板名称必须是文字`).trim().min(1, '模板名称不能为空'),
    format: z.string('开本必须是文字').trim().min(1, '开本不能为空'),
    pageWidthMm: mm('版面宽度'),
    pageHeightMm: mm('版面高度'),
    typeAreaWidthMm: mm('版心宽度'),
    typeAreaHeightMm: mm('版心高度'),
    columns: int('基本栏数', 1, 16),
    charsPerColumn: int('每栏字数', 4, 60),
    gutterChars: int('栏空字数', 0, 4),
    bodyPt: z.number('正文字号必须是数字').min(5, '正文字号不能小于 5 磅').max(16, '正文字号不能大于 16 磅'),
    leadingRatio: z.number('行距比例必须是数字').min(0, '行距比例不能为负').max(1.5, '行距比例不能大于 1.5'),
    linesPerColumn: int('每栏行数', 10, 500),
    mastheadLines: int('报头行数', 0, 500),
    folioLines: int('眉头行数', 0, 500),
    indentChars: int('段首缩进字数', 0, 4),
    jumpStyle: z.enum(['arabic', 'chinese', 'lettered'], '转版行格式只能是 arabic、chinese 或 lettered').optional(),
    typography: typographySchema.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.typeAreaWidthMm > t.pageWidthMm) {
      ctx.addIssue({ code: 'custom', path: ['typeAreaWidthMm'], message: '版心宽度超出版面宽度' });
    }
    if (t.typeAreaHeightMm > t.pageHeightMm) {
      ctx.addIssue({ code: 'custom', path: ['typeAreaHeightMm'], message: '版心高度超出版面高度' });
    }
    const gridWidth = (t.charsPerColumn * t.columns + t.gutterChars * (t.columns - 1)) * cellMm(t);
    if (gridWidth > t.typeAreaWidthMm * GRID_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['charsPerColumn'],
        message: `栏宽合计 ${gridWidth.toFixed(1)} 毫米，超出版心宽度 ${t.typeAreaWidthMm} 毫米`,
      });
    }
    const gridHeight = t.linesPerColumn * pitchMm(t);
    if (gridHeight > t.typeAreaHeightMm * GRID_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['linesPerColumn'],
        message: `${t.linesPerColumn} 行共 ${gridHeight.toFixed(1)} 毫米，超出版心高度 ${t.typeAreaHeightMm} 毫米`,
      });
    }
    if (t.mastheadLines + t.folioLines >= t.linesPerColumn) {
      ctx.addIssue({ code: 'custom', path: ['mastheadLines'], message: '报头和眉头占满了整栏，没有留给稿件的行' });
    }
    if (t.indentChars >= t.charsPerColumn) {
      ctx.addIssue({ code: 'custom', path: ['indentChars'], message: '段首缩进不能大于等于每栏字数' });
    }
  });
