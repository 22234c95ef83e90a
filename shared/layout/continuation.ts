/**
 * The size of a continued part (转版) when the layout editor jumps a story: the text its source slot
 * leaves over — with the source's （下转X版） line taken into account — set on the target page's grid
 * under the repeated headline and the （上接X版） line.
 *
 * Columns: as wide as the source (at most the target page's width), narrower while the part would
 * be a strip shallower than MIN_DEPTH_LINES; wider when it would not fit the page's depth.
 * Lines: exactly the depth of that text at those columns, so the part is 正好.
 */
import { CONTINUED_HEADLINE_PT, type BudgetStory, type LayoutPage, type LayoutSlot } from './board';
import { fitBoard, leftOver } from './boardFit';
import type { PageTemplate } from './geometry';
import { fitSlot, linesToFit } from './slot';

/** Body lines a continued part should run at least, when the text allows it. */
export const MIN_DEPTH_LINES = 10;

export interface ContinuationInput {
  pages: readonly LayoutPage[];
  templates: ReadonlyMap<string, PageTemplate>;
  stories: ReadonlyMap<string, Pick<BudgetStory, 'paragraphCells' | 'approvedRevisionId' | 'photos'>>;
  sourceSlotId: string;
  targetPageId: string;
}

/** Columns and lines for the continued part; null when the source slot leaves nothing over. */
export function continuationSize({ pages, templates, stories, sourceSlotId, targetPageId }: ContinuationInput): { columns: number; lines: number } | null {
  const source = pages.flatMap((p) => p.slots).find((s) => s.id === sourceSlotId);
  const target = pages.find((p) => p.id === targetPageId);
  const template = target ? templates.get(target.templateId) : undefined;
  const story = source?.articleId ? stories.get(source.articleId) : undefined;
  if (!source || !target || !template || !story) return null;

  // Fit the board as it will be, so the source reserves its jump-out line before its overset is measured.
  const draft: LayoutSlot = {
    ...source,
    id: `${source.id}:continued`,
    pageId: target.id,
    col: 0,
    line: 0,
    columns: 1,
    lines: template.linesPerColumn,
    textColumns: null,
    photoId: null,
    photoColumns: null,
    continuesFrom: source.id,
    headlinePt: [...CONTINUED_HEADLINE_PT],
    label: '',
    version: 0,
  };
  const withDraft = pages.map((p) => (p.id === target.id ? { ...p, slots: [...p.slots, draft] } : p));
  const sourceFit = fitBoard({ pages: withDraft, templates, stories }).slots.get(source.id);
  if (!sourceFit) return null;
  const cells = leftOver(story.paragraphCells, sourceFit);
  if (!cells.some((c) => c > 0)) return null;

  const headlineLines = fitSlot({ template, columns: 1, lines: 0, headline: { sizesPt: CONTINUED_HEADLINE_PT } }).headlineLines;
  const depth = (columns: number) => {
    const lines = linesToFit({ template, columns, headline: { sizesPt: CONTINUED_HEADLINE_PT }, paragraphCells: cells, reservedLines: 1 });
    return { lines, body: lines - headlineLines };
  };
  let columns = Math.min(source.columns, template.columns);
  while (columns > 1 && depth(columns).body < MIN_DEPTH_LINES) columns--;
  while (columns < template.columns && depth(columns).lines > template.linesPerColumn) columns++;
  return { columns, lines: Math.min(depth(columns).lines, template.linesPerColumn) };
}
