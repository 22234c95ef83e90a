/**
 * Page proof (大样) as PDF at the template's physical size: the grid, each slot's headline stack,
 * 电头, body set in its columns (shared/layout/typeset.ts), photo with caption, jump lines, and the
 * CJK font embedded as a subset. pdfkit writes it; fontkit inside it reads the TrueType collection.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { cplForColumns, pitchPt, splitColumns, type PageTemplate } from '../../../shared/layout/geometry';
import { headlineCharsPerLine, headlineDepthLines } from '../../../shared/layout/headline';
import { photoGeometry } from '../../../shared/layout/photo';
import { captionLines, partEnd } from '../../../shared/layout/boardFit';
import { fillColumns, lineSpacing, setText, type Measure, type SetLine } from '../../../shared/layout/typeset';
import { blocksBetween } from '../../../shared/layout/printedText';
import { lineSources, type ProofField, type ProofRun } from '../../../shared/layout/proofRuns';
import { renderCaption, type PhotoCredit } from '../../../shared/article/credits';
import { PAGE_STATUS_LABELS, type LayoutPage, type LayoutSlot, SLOT_KIND_LABELS } from '../../../shared/layout/board';
import type { LoadedEdition, StoryText } from './loadedEdition';
import type { PhotoRecord } from '../repositories/photoRepository';

/** Debian's fonts-wqy-microhei; a packaged app points NEWSROOM_CJK_FONT at the font it ships. */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_FAMILY = 'WenQuanYiMicroHei';
const MM_TO_PT = 72 / 25.4;

export interface ProofInput {
  loaded: LoadedEdition;
  page: LayoutPage;
  paperName: string;
  paperShortName: string;
  photos: (articleId: string) => PhotoRecord[];
  photo: (photoId: string) => PhotoRecord | null;
  dataDir: string;
  fontPath?: string;
  /** 'print': the file the print plant gets (付印) — the page alone, without the proof's header line and frames. */
  purpose?: 'proof' | 'print';
  /** Told of every headline and body line as it is set, for the 校对 screen (shared/layout/proofRuns.ts). */
  trace?: (run: ProofRun) => void;
}

function fontPath(given?: string): string {
  const file = given ?? process.env.NEWSROOM_CJK_FONT ?? DEFAULT_CJK_FONT;
  if (!fs.existsSync(file)) throw new Error(`找不到中文字体 ${file}：请安装 fonts-wqy-microhei，或用 NEWSROOM_CJK_FONT 指定字体文件。`);
  return file;
}

/** Cells each character takes in the font and size set now (the body's), measured once per character. */
function glyphCells(doc: PDFKit.PDFDocument, cell: number): Measure {
  const known = new Map<string, number>();
  return (ch) => {
    let w = known.get(ch);
    if (w === undefined) known.set(ch, (w = doc.widthOfString(ch) / cell));
    return w;
  };
}

/** Headline lines matched to the sizes of the slot: 引题 and 副题 only when the story has them. */
function headlineTexts(story: StoryText, sizes: readonly number[], continued: boolean): { field: ProofField; text: string }[] {
  const a = story.article;
  if (continued || sizes.length === 1) return [{ field: 'headline', text: a.headline }];
  const parts = (['kicker', 'headline', 'subheadline'] as const).map((field) => ({ field, text: a[field] })).filter((p) => p.text.trim() !== '');
  return parts.slice(0, sizes.length);
}

export async function renderPageProof(input: ProofInput): Promise<Buffer> {
  const { loaded, page } = input;
  const template = loaded.templates.get(page.templateId);
  if (!template) throw new Error('这个版面的模板已不存在');
  const doc = new PDFDocument({
    size: [template.pageWidthMm * MM_TO_PT, template.pageHeightMm * MM_TO_PT],
    margin: 0,
    info: { Title: `${input.paperName} ${loaded.board.edition.date} 第${page.number}版 ${page.name} 大样`, Creator: 'Newsroom Desk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontPath(input.fontPath), FONT_FAMILY);
  doc.font('cjk');

  const cell = template.bodyPt;
  const pitch = pitchPt(template);
  const originX = ((template.pageWidthMm - template.typeAreaWidthMm) / 2) * MM_TO_PT;
  const originY = ((template.pageHeightMm - template.typeAreaHeightMm) / 2) * MM_TO_PT;
  const colX = (col: number) => originX + col * (template.charsPerColumn + template.gutterChars) * cell;
  const lineY = (line: number) => originY + line * pitch;

  const proofing = input.purpose !== 'print';
  if (proofing) {
    doc.fontSize(9).fillColor('#555').text(
      `${input.paperName}　${loaded.board.edition.date}　总第${loaded.board.edition.issueNumber}期　第${page.number}版　${page.name}　大样　${PAGE_STATUS_LABELS[page.status]}`,
      originX,
      originY - 18,
      { lineBreak: false },
    );
    doc.rect(originX, originY, cplForColumns(template, template.columns) * cell, template.linesPerColumn * pitch).lineWidth(0.3).strokeColor('#999').stroke();
  }

  for (const slot of page.slots) {
    const x = colX(slot.col);
    const y = lineY(slot.line);
    const width = cplForColumns(template, slot.columns) * cell;
    if (proofing) doc.rect(x, y, width, slot.lines * pitch).lineWidth(0.3).strokeColor('#bbb').stroke();
    const story = slot.articleId ? loaded.texts.get(slot.articleId) : undefined;
    const held = slot.kind === 'photo' && slot.photoId ? input.photo(slot.photoId) : null;
    if (slot.kind === 'article' && story) {
      drawArticle(doc, { slot, story, template, x, y, width, pitch, cell, input });
    } else if (held) {
      drawPhoto(doc, held, { x, y, columnsWide: slot.columns, maxLines: slot.lines, template, pitch, cell, input });
    } else {
      doc.fontSize(cell * 1.5).fillColor('#888').text(slot.label || SLOT_KIND_LABELS[slot.kind], x + cell, y + pitch, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}

interface SlotDraw {
  slot: LayoutSlot;
  story: StoryText;
  template: PageTemplate;
  x: number;
  y: number;
  width: number;
  pitch: number;
  cell: number;
  input: ProofInput;
}

interface PhotoDraw {
  x: number;
  y: number;
  columnsWide: number;
  /** lines the photo and its caption may take at most */
  maxLines: number;
  template: PageTemplate;
  pitch: number;
  cell: number;
  input: ProofInput;
}

/** A photo over `columnsWide` columns with its printed caption and credit below; returns the lines it takes. */
function drawPhoto(doc: PDFKit.PDFDocument, photo: PhotoRecord, d: PhotoDraw): number {
  const { x, y, columnsWide, template, pitch, cell, input } = d;
  const capLines = captionLines(photo.caption, cplForColumns(template, columnsWide));
  const g = photoGeometry({ template, columnsWide, aspect: photo.height / photo.width, captionLines: capLines });
  const imageLines = Math.max(1, Math.min(g.imageLines, d.maxLines - capLines));
  const w = cplForColumns(template, columnsWide) * cell;
  const file = path.join(input.dataDir, photo.file);
  if (fs.existsSync(file) && /jpeg|png/.test(photo.mime)) doc.image(file, x, y, { fit: [w, imageLines * pitch], align: 'center' });
  else doc.rect(x, y, w, imageLines * pitch).fillColor('#ddd').fill();
  const credit: PhotoCredit = { kind: photo.creditKind, names: photo.photographers };
  let caption = photo.caption;
  try {
    caption = renderCaption(photo.caption, credit, { shortName: input.paperShortName });
  } catch {
    // a caption without a complete credit still prints; the caption check reports it
  }
  const capY = y + imageLines * pitch;
  setText([{ text: caption }], cplForColumns(template, columnsWide), 0).slice(0, capLines).forEach((l, i) => {
    doc.fontSize(cell * 0.9).fillColor('#000').text(l.text, x, capY + i * pitch, { lineBreak: false });
  });
  return g.depthLines - g.imageLines + imageLines;
}

function drawArticle(doc: PDFKit.PDFDocument, d: SlotDraw): void {
  const { slot, story, template, x, pitch, cell, input } = d;
  const fit = input.loaded.fit.slots.get(slot.id);
  const continued = fit?.jumpIn != null;
  let y = d.y;

  // Headline stack, centred across the slot, each line cut to what its size holds.
  const sizes = slot.headlinePt;
  const headLines = sizes.length > 0 ? headlineDepthLines({ sizesPt: sizes, pitchPt: pitch }) : 0;
  const texts = headlineTexts(story, sizes, continued);
  let hy = y + pitch;
  const across = cplForColumns(template, slot.columns);
  texts.forEach(({ field, text }, i) => {
    const size = sizes[i] ?? sizes[sizes.length - 1] ?? cell;
    const max = headlineCharsPerLine(across, template.bodyPt, size);
    const shown = Array.from(text).slice(0, max).join('');
    doc.fontSize(size).fillColor('#000').text(shown, x, hy, { width: d.width, align: 'center', lineBreak: false });
    input.trace?.({ slotId: slot.id, x: x + (d.width - doc.widthOfString(shown)) / 2, y: hy, size, spacing: 0, text: shown, source: { articleId: story.article.id, field, paragraph: 0, start: 0 } });
    hy += size + 2;
  });
  y += headLines * pitch;
  if (fit?.pending) doc.fontSize(cell).fillColor('#c00').text('【待签发】', x + d.width - cell * 5, d.y + 2, { lineBreak: false });

  const textColumns = slot.textColumns ?? slot.columns;
  const widths = textColumns === slot.columns ? Array<number>(textColumns).fill(template.charsPerColumn) : splitColumns(template, slot.columns, textColumns);
  const columnLines = Array<number>(textColumns).fill(slot.lines - headLines);
  const columnTop = Array<number>(textColumns).fill(y);

  // Photo at the top left of the body, over as many text columns as its width takes.
  const photo = slot.photoId ? input.photos(story.article.id).find((p) => p.id === slot.photoId) : undefined;
  if (photo && slot.photoColumns) {
    const columnsWide = Math.min(slot.columns, slot.photoColumns);
    const depthLines = drawPhoto(doc, photo, { x, y, columnsWide, maxLines: slot.lines - headLines, template, pitch, cell, input });
    let covered = 0;
    let c = 0;
    const colWidth = (widths[0] ?? template.charsPerColumn) + template.gutterChars;
    while (c < textColumns && covered < cplForColumns(template, columnsWide)) {
      columnLines[c] = (columnLines[c] ?? 0) - depthLines;
      columnTop[c] = (columnTop[c] ?? y) + depthLines * pitch;
      covered += colWidth;
      c++;
    }
  }

  // Body: this slot's part of the story (a continued part picks up where its source stopped), poured into the columns.
  const jumpIn = fit?.jumpIn ?? null;
  const jumpOut = fit?.jumpOut ?? null;
  const from = { paragraph: fit?.startParagraph ?? 0, cells: fit?.startCells ?? 0 };
  const blocks = blocksBetween(story.blocks, from, fit && jumpOut ? partEnd(fit) : null);
  doc.fontSize(cell).fillColor('#000');
  const measure = glyphCells(doc, cell);
  const setAt = Math.min(...widths);
  const body = setText(blocks, setAt, template.indentChars, { firstIsContinued: from.cells > 0, measure });
  const lines: SetLine[] = [...(jumpIn ? [{ text: jumpIn, indent: false, cells: 0, last: true, heading: false }] : []), ...body];
  // Which printed block, and where in it, each line comes from (the 校对 screen pins marks by it).
  const sources = new Map<SetLine, ProofRun['source']>();
  if (input.trace) {
    lineSources(blocks.map((b) => b.text), body).forEach((at, i) => {
      const block = at ? blocks[at.paragraph] : undefined;
      if (at && block?.at) sources.set(body[i]!, { articleId: story.article.id, field: 'body', paragraph: block.at.paragraph, start: block.at.start + at.start });
    });
  }
  const depths = columnLines.map((n, c) => n - (c === textColumns - 1 && jumpOut ? 1 : 0));
  const { columns, rest } = fillColumns(lines, depths);
  let colLeft = x;
  for (let c = 0; c < textColumns; c++) {
    columns[c]!.forEach((l, n) => {
      const indent = l.indent ? template.indentChars : 0;
      const lineX = colLeft + indent * cell;
      const lineY = (columnTop[c] ?? y) + n * pitch;
      const spacing = lineSpacing(l, setAt - indent) * cell;
      doc.text(l.text, lineX, lineY, { lineBreak: false, characterSpacing: spacing });
      input.trace?.({ slotId: slot.id, x: lineX, y: lineY, size: cell, spacing, text: l.text, source: sources.get(l) ?? null });
    });
    if (c === textColumns - 1 && jumpOut) {
      doc.text(jumpOut, colLeft, (columnTop[c] ?? y) + Math.max(0, depths[c]!) * pitch, { lineBreak: false });
    }
    colLeft += ((widths[c] ?? template.charsPerColumn) + template.gutterChars) * cell;
  }
  if (rest.length > 0) {
    doc.fontSize(cell).fillColor('#c00').text(`【超 ${rest.length} 行】`, x + d.width - cell * 7, d.y + slot.lines * pitch - pitch, { lineBreak: false });
  }
}
