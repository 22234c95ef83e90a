/**
 * Copy-fit of one story slot (§3): the function the page board and the editor share.
 *
 * A slot is `columns` basic columns wide and `lines` body lines deep. Its headline runs across the
 * whole width; body text is set in `textColumns` columns (破栏 when that differs from `columns`).
 *   capacityLines = textColumns × (lines − headlineLines) − photo column-lines − reserved lines
 *   depthLines    = headlineLines + ⌈(bodyLines + photo column-lines + reserved lines) / textColumns⌉
 *   capacityChars = capacityLines × cpl (cpl = text column width)
 * overLines/overChars follow fitBody (overset.ts): positive = to cut, negative = room left.
 *
 * 破栏 simplifications: body lines use the narrowest of the split columns (never under-reports
 * overset), and a photo's column-lines are converted to text column-lines by width
 * ((photo cpl + gutter) / (text cpl + gutter)), rounded up.
 */
import { offsetAtCells, paragraphStats } from '../text/count';
import { cplForColumns, pitchPt, splitColumns, type PageTemplate } from './geometry';
import { headlineCharsPerLine, headlineDepthLines } from './headline';
import { fitBody } from './overset';
import { photoGeometry, type PhotoSpec } from './photo';

const EPS = 1e-9;

interface HeadlineSpec {
  /** point size of each headline line, top to bottom */
  sizesPt: readonly number[];
  /** default: one blank line above, between and below = sizesPt.length + 1 */
  gapLines?: number;
}

export interface SlotInput {
  template: PageTemplate;
  /** slot width in basic columns */
  columns: number;
  /** 破栏: body set in this many columns across the slot; default `columns` */
  textColumns?: number;
  /** slot depth in body lines */
  lines: number;
  headline?: HeadlineSpec;
  photos?: readonly PhotoSpec[];
  /** body paragraphs; needed for oversetOffset */
  paragraphs?: readonly string[];
  /** precomputed paragraphStats(p).cells, one per paragraph; preferred over `paragraphs` */
  paragraphCells?: readonly number[];
  /** column-lines taken by lines that are not body text, such as a jump line （下转4版）; default 0 */
  reservedLines?: number;
}

type FitStatus = 'under' | 'fit' | 'over';

export interface SlotFit {
  /** text column width in characters */
  cpl: number;
  textColumns: number;
  headlineLines: number;
  /** most characters per headline line, one entry per headline size */
  headlineCharsPerLine: number[];
  /** photo area in text column-lines */
  photoLines: number;
  bodyLines: number;
  capacityLines: number;
  capacityChars: number;
  depthLines: number;
  overLines: number;
  overChars: number;
  /** 'fit' = not over and the columns reach the foot of the slot (depth = lines) */
  status: FitStatus;
  /** bodyLines / capacityLines; Infinity when there is text but no room */
  fillRatio: number;
  oversetParagraph?: number;
  /** UTF-16 index in paragraphs[oversetParagraph] where the overset begins */
  oversetOffset?: number;
  /** cells of paragraphs[oversetParagraph] that still fit: a continued part (转版) starts after them */
  oversetRoomCells?: number;
}

function validate(input: SlotInput, textColumns: number): void {
  const { template, columns, lines } = input;
  if (!Number.isInteger(columns) || columns < 1 || columns > template.columns) {
    throw new RangeError(`稿位栏数必须是 1～${template.columns} 的整数，收到 ${String(columns)}`);
  }
  if (!Number.isInteger(textColumns) || textColumns < 1) {
    throw new RangeError(`正文栏数必须是正整数，收到 ${String(textColumns)}`);
  }
  if (!Number.isInteger(lines) || lines < 0) {
    throw new RangeError(`稿位行数必须是非负整数，收到 ${String(lines)}`);
  }
  for (const p of input.photos ?? []) {
    if (!Number.isInteger(p.columnsWide) || p.columnsWide < 1 || p.columnsWide > columns) {
      throw new RangeError(`图片宽 ${String(p.columnsWide)} 栏，超出稿位的 ${columns} 栏`);
    }
  }
}

export function fitSlot(input: SlotInput): SlotFit {
  const { template, columns, lines } = input;
  const textColumns = input.textColumns ?? columns;
  validate(input, textColumns);

  const cpl =
    textColumns === columns
      ? template.charsPerColumn
      : Math.min(...splitColumns(template, columns, textColumns));
  const across = cplForColumns(template, columns);

  const sizes = input.headline?.sizesPt ?? [];
  const headlineLines =
    sizes.length > 0
      ? headlineDepthLines({ sizesPt: sizes, pitchPt: pitchPt(template), gapLines: input.headline?.gapLines })
      : 0;
  const headlineChars = sizes.map((s) => headlineCharsPerLine(across, template.bodyPt, s));

  let photoLines = 0;
  for (const p of input.photos ?? []) {
    const g = photoGeometry({ ...p, template });
    const widthRatio = (cplForColumns(template, p.columnsWide) + template.gutterChars) / (cpl + template.gutterChars);
    photoLines += Math.ceil(g.depthLines * widthRatio - EPS);
  }

  const cells = input.paragraphCells ?? (input.paragraphs ?? []).map((p) => paragraphStats(p).cells);
  const reserved = input.reservedLines ?? 0;
  const capacityLines = textColumns * (lines - headlineLines) - photoLines - reserved;
  const body = fitBody(cells, cpl, template.indentChars, capacityLines);
  const depthLines = headlineLines + Math.ceil((body.bodyLines + photoLines + reserved) / textColumns - EPS);

  const status: FitStatus = body.overLines > 0 ? 'over' : depthLines >= lines ? 'fit' : 'under';
  const fillRatio =
    capacityLines > 0 ? body.bodyLines / capacityLines : body.bodyLines === 0 ? 0 : Number.POSITIVE_INFINITY;

  const result: SlotFit = {
    cpl,
    textColumns,
    headlineLines,
    headlineCharsPerLine: headlineChars,
    photoLines,
    bodyLines: body.bodyLines,
    capacityLines,
    capacityChars: capacityLines * cpl,
    depthLines,
    overLines: body.overLines,
    overChars: body.overChars,
    status,
    fillRatio,
  };
  if (body.oversetParagraph !== undefined) {
    result.oversetParagraph = body.oversetParagraph;
    result.oversetRoomCells = body.oversetRoomCells ?? 0;
    const text = input.paragraphs?.[body.oversetParagraph];
    if (text !== undefined) result.oversetOffset = offsetAtCells(text, body.oversetRoomCells ?? 0);
  }
  return result;
}

/** Lines a slot `columns` wide needs to hold the whole text under its headline: the depth it would exactly fill. */
export function linesToFit(input: Omit<SlotInput, 'lines'>): number {
  return fitSlot({ ...input, lines: input.template.linesPerColumn }).depthLines;
}
