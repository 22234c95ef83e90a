/**
 * Copy-fit of a whole board: every article slot against its story, jumps included.
 * A story's first slot takes the text from the top; its continued part (转版) takes what the first
 * slot could not hold. Each jump costs one column-line on both ends for （下转X版） / （上接X版）,
 * whose page numbers are computed from the pages' current numbers, so renumbering never leaves them wrong.
 */
import { countCells } from '../text/count';
import { cplForColumns, type PageTemplate } from './geometry';
import { addToTotals, emptyTotals, type FitTotals } from './edition';
import { checkJumps, jumpInLine, jumpOutLine, type JumpProblem, type JumpRecord } from './jumpLines';
import { fitSlot, type SlotFit } from './slot';
import type { PhotoSpec } from './photo';
import { STORY_SLOT_KINDS, type BudgetStory, type LayoutPage, type LayoutSlot, type StoryPhoto } from './board';

export interface BoardSlotFit {
  slotId: string;
  pageId: string;
  fit: SlotFit;
  /** （下转4版） when the story continues on another page */
  jumpOut: string | null;
  /** （上接1版） on a continued part */
  jumpIn: string | null;
  /** the story is not approved (签发) yet: it may be placed, but the page cannot be signed */
  pending: boolean;
  /** the first paragraph index and the cells already set before this slot's text starts (continued parts) */
  startParagraph: number;
  startCells: number;
  /** body lines a jump carries to the continued part (the first part then counts as full) */
  carriedLines: number;
}

export interface BoardFit {
  slots: Map<string, BoardSlotFit>;
  pages: Map<string, FitTotals>;
  edition: FitTotals;
  jumps: JumpProblem[];
}

export interface BoardFitInput {
  pages: readonly LayoutPage[];
  templates: ReadonlyMap<string, PageTemplate>;
  stories: ReadonlyMap<string, Pick<BudgetStory, 'paragraphCells' | 'approvedRevisionId' | 'photos'>>;
}

export function captionLines(caption: string, cplAcross: number): number {
  const cells = countCells(caption);
  return cells > 0 ? Math.ceil(cells / cplAcross) : 0;
}

function photoSpec(slot: LayoutSlot, photos: readonly StoryPhoto[], template: PageTemplate): PhotoSpec | null {
  if (!slot.photoId) return null;
  const photo = photos.find((p) => p.id === slot.photoId);
  if (!photo || photo.width <= 0 || photo.height <= 0) return null;
  const columnsWide = Math.min(slot.columns, Math.max(1, slot.photoColumns ?? slot.columns));
  return { columnsWide, aspect: photo.height / photo.width, captionLines: captionLines(photo.caption, cplForColumns(template, columnsWide)) };
}

/** A place in a story's printed text: a paragraph and the cells of it before the place. */
export interface TextPoint {
  paragraph: number;
  cells: number;
}

/** Where a slot's text stops for lack of room (its overset point), counted from the story's start; null when all of it fits. */
export function partEnd(slot: BoardSlotFit): TextPoint | null {
  const { oversetParagraph: p, oversetRoomCells: room = 0 } = slot.fit;
  if (p === undefined) return null;
  return { paragraph: p, cells: (p === slot.startParagraph ? slot.startCells : 0) + room };
}

/** What a continued part sets: the source's overset text, from the paragraph and cell where it stopped. */
function remainder(cells: readonly number[], source: BoardSlotFit): { cells: number[]; paragraph: number; offset: number } {
  const end = partEnd(source);
  if (!end) return { cells: [], paragraph: cells.length, offset: 0 };
  return { cells: [(cells[end.paragraph] ?? 0) - end.cells, ...cells.slice(end.paragraph + 1)], paragraph: end.paragraph, offset: end.cells };
}

/** Cells of each paragraph the source slot leaves over for its continued part. */
export function leftOver(cells: readonly number[], source: BoardSlotFit): number[] {
  return remainder(cells, source).cells;
}

export function fitBoard({ pages, templates, stories }: BoardFitInput): BoardFit {
  const slotById = new Map<string, { slot: LayoutSlot; page: LayoutPage }>();
  for (const page of pages) for (const slot of page.slots) slotById.set(slot.id, { slot, page });
  const continuation = new Map<string, { slot: LayoutSlot; page: LayoutPage }>();
  for (const entry of slotById.values()) {
    const from = entry.slot.continuesFrom;
    if (from && slotById.has(from) && !continuation.has(from)) continuation.set(from, entry);
  }

  const results = new Map<string, BoardSlotFit>();
  const fitOne = (slot: LayoutSlot, page: LayoutPage, source: BoardSlotFit | null): BoardSlotFit | null => {
    const template = templates.get(page.templateId);
    const story = slot.articleId ? stories.get(slot.articleId) : undefined;
    if (!template || !story) return null;
    const next = continuation.get(slot.id);
    const cont = source ? remainder(story.paragraphCells, source) : null;
    const photo = photoSpec(slot, story.photos, template);
    const sourcePage = source ? slotById.get(source.slotId)?.page : undefined;
    const textColumns = slot.textColumns ?? slot.columns;
    const fit = fitSlot({
      template,
      columns: slot.columns,
      textColumns,
      lines: slot.lines,
      headline: { sizesPt: slot.headlinePt },
      photos: photo ? [photo] : [],
      paragraphCells: cont ? cont.cells : story.paragraphCells,
      reservedLines: (next ? 1 : 0) + (source ? 1 : 0),
    });
    const style = template.jumpStyle ?? 'arabic';
    const result: BoardSlotFit = {
      slotId: slot.id,
      pageId: page.id,
      fit,
      jumpOut: next ? jumpOutLine(next.page.number, style) : null,
      jumpIn: sourcePage ? jumpInLine(sourcePage.number, style) : null,
      pending: story.approvedRevisionId === null,
      startParagraph: cont ? cont.paragraph : 0,
      startCells: cont ? cont.offset : 0,
      carriedLines: 0,
    };
    if (cont && fit.oversetParagraph !== undefined) fit.oversetParagraph += cont.paragraph;
    // What a jump carries to the continued part is not overset here: the first part is full.
    if (next && fit.status === 'over') {
      result.carriedLines = fit.overLines;
      fit.status = 'fit';
      fit.overLines = 0;
      fit.overChars = 0;
    }
    results.set(slot.id, result);
    return result;
  };

  const walk = (slot: LayoutSlot, page: LayoutPage, source: BoardSlotFit | null, seen: Set<string>) => {
    if (seen.has(slot.id)) return;
    seen.add(slot.id);
    const fit = fitOne(slot, page, source);
    const next = continuation.get(slot.id);
    if (fit && next && next.slot.articleId === slot.articleId) walk(next.slot, next.page, fit, seen);
  };
  const seen = new Set<string>();
  for (const { slot, page } of slotById.values()) {
    if (STORY_SLOT_KINDS.includes(slot.kind) && slot.articleId && (!slot.continuesFrom || !slotById.has(slot.continuesFrom))) walk(slot, page, null, seen);
  }

  const pageTotals = new Map<string, FitTotals>();
  const edition = emptyTotals();
  for (const page of pages) pageTotals.set(page.id, emptyTotals());
  for (const r of results.values()) {
    addToTotals(pageTotals.get(r.pageId)!, r.fit);
    addToTotals(edition, r.fit);
  }
  return { slots: results, pages: pageTotals, edition, jumps: jumpProblems(pages, slotById) };
}

/** Broken or dangling jumps: a continued part whose source slot is gone, holds another story, or sits on a missing page. */
function jumpProblems(pages: readonly LayoutPage[], slotById: ReadonlyMap<string, { slot: LayoutSlot; page: LayoutPage }>): JumpProblem[] {
  const records: JumpRecord[] = [];
  const problems: JumpProblem[] = [];
  for (const { slot, page } of slotById.values()) {
    if (!slot.continuesFrom) continue;
    const source = slotById.get(slot.continuesFrom);
    if (!source) {
      problems.push({ jumpId: slot.id, code: 'source-page-missing', message: `${page.number} 版的接续稿位找不到转出稿位（已删除）` });
      continue;
    }
    if (source.slot.articleId !== slot.articleId) {
      problems.push({ jumpId: slot.id, code: 'in-line-mismatch', message: `${page.number} 版的接续稿位与 ${source.page.number} 版的转出稿位不是同一篇稿件` });
    }
    records.push({ id: slot.id, fromSlot: { page: source.page.number, slotId: source.slot.id }, toSlot: { page: page.number, slotId: slot.id } });
  }
  return [...problems, ...checkJumps(records, pages.map((p) => p.number))];
}
