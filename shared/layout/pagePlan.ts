/**
 * A page's plan (版面计划) as JSON for a layout program: the template's grid and every slot's
 * geometry in grid units and millimetres from the top left of the type area, with its content.
 * Format `newsroom.page-plan` version 1 (documented in docs/architecture.md).
 */
import { cellMm, pitchMm, type PageTemplate } from './geometry';
import type { BoardFit } from './boardFit';
import type { BudgetStory, LayoutPage, SlotKind } from './board';

interface PagePlanSlot {
  id: string;
  kind: SlotKind;
  label: string;
  grid: { col: number; line: number; columns: number; lines: number; textColumns: number };
  mm: { x: number; y: number; width: number; height: number };
  article: { id: string; headline: string; kicker: string; subheadline: string; approved: boolean } | null;
  photoId: string | null;
  headlinePt: number[];
  jumpOut: string | null;
  jumpIn: string | null;
  continuesFrom: string | null;
  fit: { status: string; overLines: number; overChars: number; capacityChars: number } | null;
}

export interface PagePlan {
  format: 'newsroom.page-plan';
  formatVersion: 1;
  edition: { date: string; issueNumber: number };
  page: { id: string; number: number; name: string; colour: boolean; status: string };
  template: PageTemplate;
  slots: PagePlanSlot[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Left edge of column `col` and the width of `columns` columns, in mm, gutters included between them. */
export function columnSpanMm(template: PageTemplate, col: number, columns: number): { x: number; width: number } {
  const cell = cellMm(template);
  const step = (template.charsPerColumn + template.gutterChars) * cell;
  return { x: col * step, width: (columns * template.charsPerColumn + (columns - 1) * template.gutterChars) * cell };
}

export function buildPagePlan(input: {
  edition: { date: string; issueNumber: number };
  page: LayoutPage;
  template: PageTemplate;
  stories: ReadonlyMap<string, BudgetStory>;
  fit: BoardFit;
}): PagePlan {
  const { page, template, stories, fit } = input;
  const pitch = pitchMm(template);
  return {
    format: 'newsroom.page-plan',
    formatVersion: 1,
    edition: input.edition,
    page: { id: page.id, number: page.number, name: page.name, colour: page.colour, status: page.status },
    template,
    slots: page.slots.map((slot) => {
      const story = slot.articleId ? stories.get(slot.articleId) : undefined;
      const f = fit.slots.get(slot.id);
      const span = columnSpanMm(template, slot.col, slot.columns);
      return {
        id: slot.id,
        kind: slot.kind,
        label: slot.label,
        grid: { col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines, textColumns: slot.textColumns ?? slot.columns },
        mm: { x: round(span.x), y: round(slot.line * pitch), width: round(span.width), height: round(slot.lines * pitch) },
        article: story
          ? { id: story.id, headline: story.headline, kicker: story.kicker, subheadline: story.subheadline, approved: story.approvedRevisionId !== null }
          : null,
        photoId: slot.photoId,
        headlinePt: slot.headlinePt,
        jumpOut: f?.jumpOut ?? null,
        jumpIn: f?.jumpIn ?? null,
        continuesFrom: slot.continuesFrom,
        fit: f ? { status: f.fit.status, overLines: f.fit.overLines, overChars: f.fit.overChars, capacityChars: f.fit.capacityChars } : null,
      };
    }),
  };
}
