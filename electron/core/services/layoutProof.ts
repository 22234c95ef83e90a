/**
 * Page proof (大样) as PDF at the template's physical size, ready for a 300 dpi press: text stays
 * vector in the template's faces (each font embedded as a subset), photos are the originals. The masthead
 * or folio, each story's headline stack, 电头, body set in its columns (shared/layout/typeset.ts) and
 * justified, 小标题, photo with caption, jump lines, 报眼 and 导读; rules between stories.
 * In grey, photos and the masthead's red print black, as for a black-and-white press.
 */
import PDFDocument from 'pdfkit';
import { cplForColumns, splitColumns } from '../../../shared/layout/geometry';
import { headlineDepthLines } from '../../../shared/layout/headline';
import { photoGeometry } from '../../../shared/layout/photo';
import { captionLines, partEnd } from '../../../shared/layout/boardFit';
import { fillColumns, lineSpacing, setText, type Measure, type SetLine } from '../../../shared/layout/typeset';
import { blocksBetween } from '../../../shared/layout/printedText';
import { lineSources, type ProofRun } from '../../../shared/layout/proofRuns';
import { printedStory } from '../../../shared/article/printedStory';
import { teaserEntries } from '../../../shared/layout/teaser';
import { renderCaption, type PhotoCredit } from '../../../shared/article/credits';
import { mastheadLines, type MastheadSettings } from '../../../shared/paper/masthead';
import { PAGE_STATUS_LABELS, SLOT_KIND_LABELS, type LayoutPage, type LayoutSlot } from '../../../shared/layout/board';
import type { TypeElement } from '../../../shared/layout/typography';
import type { LoadedEdition, StoryText } from './loadedEdition';
import type { PhotoRecord } from '../repositories/photoRepository';
import { loadFaceFonts, type FaceFonts } from '../fonts/fontSet';
import { ProofWriter, type TextStyle } from '../proof/proofWriter';
import { effectiveDpi, loadProofImage, PRINT_DPI, type ProofImage } from '../proof/proofImages';
import { drawFolio, drawMasthead, drawTeaser, type TeaserItem } from '../proof/furniture';
import { box, colX, lineY, MM_TO_PT, newSheet, spanWidth, styleOf, type Sheet } from '../proof/sheet';

export interface ProofInput {
  loaded: LoadedEdition;
  page: LayoutPage;
  paperName: string;
  paperShortName: string;
  masthead: MastheadSettings;
  photos: (articleId: string) => PhotoRecord[];
  photo: (photoId: string) => PhotoRecord | null;
  dataDir: string;
  grey: boolean;
  /** the fonts found on this machine; tests pass their own */
  fonts?: FaceFonts;
  /** 'print': the file the print plant gets (付印) — the page alone, without the proof's slug and the placeholders of empty slots. */
  purpose?: 'proof' | 'print';
  /** Told of every headline and body line as it is set, for the 校对 screen (shared/layout/proofRuns.ts). */
  trace?: (run: ProofRun) => void;
}

export interface PageProof {
  pdf: Buffer;
  warnings: string[];
}

interface Page {
  s: Sheet;
  input: ProofInput;
  images: Map<string, ProofImage | null>;
}

/** The photos the page prints, keyed by file, loaded (and turned grey) before drawing starts. */
async function loadImages(input: ProofInput, files: { file: string; mime: string }[]): Promise<Map<string, ProofImage | null>> {
  const unique = [...new Map(files.map((f) => [f.file, f])).values()];
  const loaded = await Promise.all(unique.map((f) => loadProofImage(input.dataDir, f.file, f.mime, input.grey)));
  return new Map(unique.map((f, i) => [f.file, loaded[i]!]));
}

function slotPhoto(input: ProofInput, slot: LayoutSlot): PhotoRecord | null {
  if (!slot.photoId) return null;
  if (slot.kind === 'photo') return input.photo(slot.photoId);
  return slot.articleId ? (input.photos(slot.articleId).find((p) => p.id === slot.photoId) ?? null) : null;
}

export async function renderPageProof(input: ProofInput): Promise<PageProof> {
  const { loaded, page } = input;
  const template = loaded.templates.get(page.templateId);
  if (!template) throw new Error('这个版面的模板已不存在');
  const fonts = input.fonts ?? loadFaceFonts();
  const edition = loaded.board.edition;
  const doc = new PDFDocument({
    size: [template.pageWidthMm * MM_TO_PT, template.pageHeightMm * MM_TO_PT],
    margin: 0,
    info: { Title: `${input.paperName} ${edition.date} 第${page.number}版 ${page.name} 大样`, Creator: 'Newsroom Desk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new ProofWriter(doc, fonts);
  const s = newSheet(doc, writer, template, input.grey);
  s.warnings.push(...fonts.warnings);

  const photoFiles = page.slots.flatMap((slot) => {
    const p = slotPhoto(input, slot);
    return p ? [{ file: p.file, mime: p.mime }] : [];
  });
  const mastheadImage = input.masthead.nameImage;
  const images = await loadImages(input, [...photoFiles, ...(mastheadImage ? [{ file: mastheadImage.file, mime: mastheadImage.mime }] : [])]);
  const ctx: Page = { s, input, images };

  // The proof's slug, in the margin above the type area: what a proofreader needs to know which proof this is.
  const proofing = input.purpose !== 'print';
  const slug = `${input.paperName}　${edition.date}　总第${edition.issueNumber}期　第${page.number}版　${page.name}　大样（${input.grey ? '黑白' : '彩色'}）　${PAGE_STATUS_LABELS[page.status]}`;
  if (proofing) writer.line(slug, { face: 'heiti', size: 7, colour: '#777' }, { x: s.originX, y: s.originY - 16 });
  const empty = (slot: LayoutSlot) => proofing && placeholder(s, slot);

  for (const slot of page.slots) {
    const story = slot.articleId ? loaded.texts.get(slot.articleId) : undefined;
    switch (slot.kind) {
      case 'masthead':
        drawMastheadSlot(ctx, slot);
        break;
      case 'teaser':
        drawTeaser(s, slot, teaserItems(ctx));
        break;
      case 'article':
      case 'ear':
        if (story) drawStory(ctx, slot, story);
        else empty(slot);
        break;
      case 'photo': {
        const photo = slotPhoto(input, slot);
        if (photo) drawPhoto(ctx, photo, { x: colX(s, slot.col), y: lineY(s, slot.line), columnsWide: slot.columns, maxLines: slot.lines });
        else empty(slot);
        break;
      }
      default:
        empty(slot);
    }
  }
  drawRules(s, page.slots);
  if (writer.missing.size > 0) s.warnings.push(`这些字在已安装的字体中都没有字形，印出来是方框：${[...writer.missing].join('')}。`);
  doc.end();
  return { pdf: await done, warnings: [...new Set(s.warnings)] };
}

/** 报头 on the front page, the folio line on the others. */
function drawMastheadSlot(ctx: Page, slot: LayoutSlot): void {
  const { s, input } = ctx;
  const { page, loaded } = input;
  const edition = loaded.board.edition;
  const lines = mastheadLines(input.masthead, { date: edition.date, issueNumber: edition.issueNumber, pageCount: loaded.board.pages.length }, input.paperName);
  if (page.number === 1) {
    const image = input.masthead.nameImage ? (ctx.images.get(input.masthead.nameImage.file) ?? null) : null;
    drawMasthead(s, slot, { lines, image, credits: page.credits });
  } else {
    drawFolio(s, slot, page, lines.name, lines.date, page.credits);
  }
}

/** The stories the 导读 points to, with their abstracts and first paragraphs to summarise them from. */
function teaserItems(ctx: Page): TeaserItem[] {
  const { board, texts } = ctx.input.loaded;
  return teaserEntries(board.pages, board.stories, ctx.input.page.id).flatMap((entry) => {
    const text = texts.get(entry.articleId);
    if (!text) return [];
    const printed = printedStory(text.article, { shortName: ctx.input.paperShortName });
    const lead = printed.blocks.find((b) => b.kind === 'p')?.text ?? '';
    return [{ headline: entry.headline, abstract: printed.abstract, lead, page: entry.page }];
  });
}

function placeholder(s: Sheet, slot: LayoutSlot): void {
  const { x, y, width, height } = box(s, slot);
  s.doc.rect(x, y, width, height).lineWidth(0.5).dash(3, { space: 2 }).strokeColor('#999').stroke().undash();
  const label = slot.label || SLOT_KIND_LABELS[slot.kind];
  const size = Math.min(s.cell * 3, width / Math.max(2, Array.from(label).length + 2));
  s.w.line(label, { face: 'heiti', size, colour: '#999' }, { x, y: y + (height - size) / 2, width, align: 'center' });
}

/**
 * Rules between stories: a hairline in the gutter beside each slot that has a neighbour to its right,
 * and in the leading under each slot with one below, as a page's 栏线 and 隔线.
 */
function drawRules(s: Sheet, slots: readonly LayoutSlot[]): void {
  const ruled = slots.filter((slot) => slot.kind !== 'masthead');
  const overlapsLines = (a: LayoutSlot, b: LayoutSlot) => a.line < b.line + b.lines && b.line < a.line + a.lines;
  const overlapsCols = (a: LayoutSlot, b: LayoutSlot) => a.col < b.col + b.columns && b.col < a.col + a.columns;
  for (const slot of ruled) {
    const right = slot.col + slot.columns;
    const bottom = slot.line + slot.lines;
    const neighbours = ruled.filter((o) => o.col === right && overlapsLines(slot, o));
    if (neighbours.length > 0) {
      const x = colX(s, right) - (s.template.gutterChars * s.cell) / 2;
      s.doc.moveTo(x, lineY(s, slot.line) + s.pitch * 0.3).lineTo(x, lineY(s, bottom) - s.pitch * 0.3).lineWidth(0.4).strokeColor('#000').stroke();
    }
    if (ruled.some((o) => o.line === bottom && overlapsCols(slot, o))) {
      const y = lineY(s, bottom) - (s.pitch - s.cell) / 2;
      s.doc.moveTo(colX(s, slot.col), y).lineTo(colX(s, slot.col) + spanWidth(s, slot.columns), y).lineWidth(0.4).strokeColor('#000').stroke();
    }
  }
}

interface PhotoDraw {
  x: number;
  y: number;
  columnsWide: number;
  /** lines the photo and its caption may take at most */
  maxLines: number;
}

/** A photo over `columnsWide` columns with its printed caption and credit below; returns the lines it takes. */
function drawPhoto(ctx: Page, photo: PhotoRecord, d: PhotoDraw): number {
  const { s, input } = ctx;
  const { x, y, columnsWide } = d;
  const cpl = cplForColumns(s.template, columnsWide);
  const credit: PhotoCredit = { kind: photo.creditKind, names: photo.photographers };
  let caption = photo.caption;
  try {
    caption = renderCaption(photo.caption, credit, { shortName: input.paperShortName });
  } catch {
    // a caption without a complete credit still prints; the caption check reports it
  }
  const capLines = captionLines(caption, cpl);
  const g = photoGeometry({ template: s.template, columnsWide, aspect: photo.height / photo.width, captionLines: capLines });
  const imageLines = Math.max(1, Math.min(g.imageLines, d.maxLines - capLines));
  const w = spanWidth(s, columnsWide);
  const h = imageLines * s.pitch - s.pitch * 0.3;
  const image = ctx.images.get(photo.file) ?? null;
  if (image) {
    s.doc.image(image.data, x, y, { fit: [w, h], align: 'center', valign: 'center' });
    const drawn = Math.min(w, (h * image.width) / image.height);
    const dpi = effectiveDpi(image.width, drawn);
    if (dpi < PRINT_DPI) s.warnings.push(`图片“${photo.originalName}”在版上约 ${dpi} dpi，低于印刷需要的 ${PRINT_DPI} dpi。`);
  } else {
    s.doc.rect(x, y, w, h).fillColor('#ddd').fill();
    s.warnings.push(`图片“${photo.originalName}”的文件找不到或无法读取，大样上留了灰框。`);
  }
  const style = styleOf(s, 'caption', s.cell);
  const capY = y + imageLines * s.pitch;
  const lines = setText([{ text: caption }], cpl, 0).slice(0, capLines);
  lines.forEach((l, i) => s.w.line(l.text, style, { x, y: capY + i * s.pitch, spacing: lineSpacing(l, cpl) * s.cell }));
  return g.depthLines - g.imageLines + imageLines;
}

/** Headline lines matched to the sizes of the slot: 引题 and 副题 only when the story has them. */
function headlineParts(story: StoryText, sizes: readonly number[], continued: boolean): { element: TypeElement; text: string }[] {
  const p = { kicker: story.article.kicker.trim(), headline: story.article.headline.trim(), subheadline: story.article.subheadline.trim() };
  if (continued || sizes.length === 1) return [{ element: 'headline', text: p.headline }];
  const parts: { element: TypeElement; text: string }[] = [
    { element: 'kicker', text: p.kicker },
    { element: 'headline', text: p.headline },
    { element: 'subheadline', text: p.subheadline },
  ];
  return parts.filter((part) => part.text !== '').slice(0, sizes.length);
}

function drawHeadlines(ctx: Page, slot: LayoutSlot, story: StoryText, continued: boolean, x: number, y: number, width: number): number {
  const { s } = ctx;
  const sizes = slot.headlinePt;
  if (sizes.length === 0) return 0;
  const depth = headlineDepthLines({ sizesPt: sizes, pitchPt: s.pitch });
  const parts = headlineParts(story, sizes, continued);
  const used = parts.reduce((n, _p, i) => n + (sizes[i] ?? 0), 0);
  const gap = (depth * s.pitch - used) / (parts.length + 1);
  let top = y + gap;
  parts.forEach((part, i) => {
    let size = sizes[i] ?? sizes[sizes.length - 1]!;
    const style = styleOf(s, part.element, size);
    const natural = s.w.width(part.text, style);
    if (natural > width) {
      size = (size * width) / natural;
      s.warnings.push(`《${story.article.headline}》的${part.element === 'headline' ? '主题' : part.element === 'kicker' ? '引题' : '副题'}在 ${slot.columns} 栏内排不下，大样上缩小到 ${size.toFixed(1)} 磅。`);
    }
    const lineTop = top + ((sizes[i] ?? size) - size) / 2;
    s.w.line(part.text, { ...style, size }, { x, y: lineTop, width, align: 'center' });
    ctx.input.trace?.({
      slotId: slot.id,
      x: x + (width - Math.min(width, s.w.width(part.text, { ...style, size }))) / 2,
      y: lineTop,
      size,
      spacing: 0,
      text: part.text,
      source: { articleId: story.article.id, field: part.element as 'kicker' | 'headline' | 'subheadline', paragraph: 0, start: 0 },
    });
    top += (sizes[i] ?? size) + gap;
  });
  return depth;
}

/** Cells each character takes in the body's face, measured once per character: the line breaking's widths. */
function bodyCells(s: Sheet): Measure {
  const known = new Map<string, number>();
  const body = styleOf(s, 'body');
  return (ch) => {
    let w = known.get(ch);
    if (w === undefined) known.set(ch, (w = s.w.width(ch, body) / s.cell));
    return w;
  };
}

function drawStory(ctx: Page, slot: LayoutSlot, story: StoryText): void {
  const { s, input } = ctx;
  const { template, cell, pitch } = s;
  const fit = input.loaded.fit.slots.get(slot.id);
  const continued = fit?.jumpIn != null;
  const { x, y: top, width } = box(s, slot);
  if (slot.kind === 'ear') {
    s.doc.rect(x - cell * 0.5, top + pitch * 0.2, width + cell, slot.lines * pitch - pitch * 0.4).lineWidth(0.8).strokeColor('#000').stroke();
  }
  const headLines = drawHeadlines(ctx, slot, story, continued, x, top, width);
  if (fit?.pending) s.w.line('【待签发】', { face: 'heiti', size: cell, colour: '#c00' }, { x: x + width - cell * 5, y: top + 2 });
  const y = top + headLines * pitch;

  const textColumns = slot.textColumns ?? slot.columns;
  const widths = textColumns === slot.columns ? Array<number>(textColumns).fill(template.charsPerColumn) : splitColumns(template, slot.columns, textColumns);
  const columnLines = Array<number>(textColumns).fill(slot.lines - headLines);
  const columnTop = Array<number>(textColumns).fill(y);

  // Photo at the top left of the body, over as many text columns as its width takes.
  const photo = slot.photoId ? slotPhoto(input, slot) : null;
  if (photo && slot.photoColumns) {
    const columnsWide = Math.min(slot.columns, slot.photoColumns);
    const depthLines = drawPhoto(ctx, photo, { x, y, columnsWide, maxLines: slot.lines - headLines });
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
  const measure = bodyCells(s);
  const setAt = Math.min(...widths);
  const bylineLines = blocks[0]?.kind === 'byline' ? setText([blocks[0]], setAt, template.indentChars, { measure }).length : 0;
  const set = setText(blocks, setAt, template.indentChars, { firstIsContinued: from.cells > 0, measure });
  // Which printed block, and where in it, each line comes from (the 校对 screen pins marks by it).
  const sources = input.trace ? lineSources(blocks.map((b) => b.text), set) : [];
  const lines: (SetLine & { jump?: true; byline?: true; source?: ProofRun['source'] })[] = [
    ...(jumpIn ? [{ text: jumpIn, indent: false, cells: 0, last: true, heading: false, jump: true as const }] : []),
    ...set.map((l, i) => {
      const at = sources[i];
      const block = at ? blocks[at.paragraph] : undefined;
      const source = at && block?.at ? { articleId: story.article.id, field: 'body' as const, paragraph: block.at.paragraph, start: block.at.start + at.start } : null;
      return { ...l, ...(i < bylineLines ? { byline: true as const } : {}), source };
    }),
  ];
  const trace = (l: (typeof lines)[number], x: number, ly: number, spacing: number) =>
    input.trace?.({ slotId: slot.id, x, y: ly, size: cell, spacing, text: l.text, source: l.source ?? null });
  const depths = columnLines.map((n, c) => n - (c === textColumns - 1 && jumpOut ? 1 : 0));
  const { columns, rest } = fillColumns(lines, depths) as { columns: (typeof lines)[]; rest: typeof lines };
  // The 电头 runs into the first paragraph in its own face: only where this part starts at the story's beginning.
  const printed = printedStory(story.article, { shortName: input.paperShortName });
  let datelineLeft = !continued && from.paragraph === 0 && from.cells === 0 ? Array.from(printed.dateline).length : 0;
  const body = styleOf(s, 'body');
  const jumpStyle = styleOf(s, 'dateline', cell);
  const datelineStyle = styleOf(s, 'dateline', cell);
  const subheadStyle = styleOf(s, 'subhead', Math.min(styleOf(s, 'subhead').size, pitch));
  let colLeft = x;
  for (let c = 0; c < textColumns; c++) {
    const colCells = widths[c] ?? template.charsPerColumn;
    columns[c]!.forEach((l, n) => {
      const ly = (columnTop[c] ?? y) + n * pitch;
      if (l.jump) {
        s.w.line(l.text, jumpStyle, { x: colLeft, y: ly });
      } else if (l.heading) {
        s.w.line(l.text, subheadStyle, { x: colLeft, y: ly + (pitch - subheadStyle.size) / 2 - (pitch - cell) / 2, width: colCells * cell, align: 'center' });
        trace(l, colLeft + (colCells * cell - Math.min(colCells * cell, s.w.width(l.text, subheadStyle))) / 2, ly, 0);
      } else if (l.byline) {
        s.w.line(l.text, datelineStyle, { x: colLeft, y: ly });
        trace(l, colLeft, ly, 0);
      } else {
        const indent = l.indent ? template.indentChars : 0;
        const place = { x: colLeft + indent * cell, y: ly, spacing: lineSpacing(l, setAt - indent) * cell };
        trace(l, place.x, ly, place.spacing);
        if (datelineLeft > 0) {
          // The 电头's face is wider than the body's the line was measured in: a full line is fitted to the measure.
          const chars = Array.from(l.text);
          const head = chars.slice(0, datelineLeft).join('');
          datelineLeft -= Math.min(datelineLeft, chars.length);
          const fitted = l.last ? place : { x: place.x, y: ly, width: (setAt - indent) * cell, align: 'justify' as const };
          s.w.segments([{ text: head, style: datelineStyle }, { text: chars.slice(Array.from(head).length).join(''), style: body }], fitted);
        } else {
          s.w.line(l.text, body, place);
        }
      }
    });
    if (c === textColumns - 1 && jumpOut) {
      s.w.line(jumpOut, jumpStyle, { x: colLeft, y: (columnTop[c] ?? y) + Math.max(0, depths[c]!) * pitch, width: colCells * cell, align: 'right' });
    }
    colLeft += (colCells + template.gutterChars) * cell;
  }
  if (rest.length > 0) {
    const over: TextStyle = { face: 'heiti', size: cell, colour: '#c00' };
    s.w.line(`【超 ${rest.length} 行】`, over, { x: x + width - cell * 7, y: top + slot.lines * pitch - pitch });
    s.warnings.push(`《${printed.headline}》超出稿位 ${rest.length} 行。`);
  }
}
