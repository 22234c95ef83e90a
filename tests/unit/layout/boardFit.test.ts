import { proofStatus } from '../../../shared/proofreading/proofDesk';
import { describe, expect, it } from 'vitest';
import { EMPTY_PAGE_CREDITS } from '../../../shared/paper/masthead';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import type { BudgetStory, LayoutPage, LayoutSlot } from '../../../shared/layout/board';
import { fitBoard } from '../../../shared/layout/boardFit';
import { clampRect, findFreeRect, slotRefusal } from '../../../shared/layout/slotRules';

const T = { ...DEFAULT_TEMPLATES[0]!, id: 't' };

function slot(id: string, pageId: string, rect: Partial<LayoutSlot>): LayoutSlot {
  return { id, pageId, kind: 'article', col: 0, line: 0, columns: 3, lines: 40, textColumns: null, articleId: 'a', photoId: null, photoColumns: null, continuesFrom: null, headlinePt: [22], label: '', version: 1, ...rect };
}

function page(id: string, number: number, slots: LayoutSlot[]): LayoutPage {
  return { id, editionId: 'e', number, name: `${number}`, templateId: 't', colour: false, status: 'in_progress', credits: EMPTY_PAGE_CREDITS, version: 1, slots, signedAt: null, signedByName: null, changedSinceSign: false, proof: proofStatus([], [], 'd') };
}

const story: BudgetStory = { id: 'a', kicker: '', headline: '长稿', subheadline: '', status: 'approved', version: 3, chars: 2600, paragraphCells: Array(20).fill(130), approvedRevisionId: 'r', plannedDate: null, plannedPage: 1, photos: [] };

function fit(pages: LayoutPage[], s: BudgetStory = story) {
  return fitBoard({ pages, templates: new Map([['t', T]]), stories: new Map([[s.id, s]]) });
}

describe('board copy-fit with jumps', () => {
  it('a jump carries the overset to the continued part; both ends get a line computed from page numbers', () => {
    const p1 = page('p1', 1, [slot('s1', 'p1', { lines: 40 })]);
    const p4 = page('p4', 4, [slot('s4', 'p4', { continuesFrom: 's1', lines: 80, headlinePt: [14] })]);
    const alone = fit([page('p1', 1, [slot('s1', 'p1', { lines: 40 })])]).slots.get('s1')!;
    expect(alone.fit.status).toBe('over');
    const result = fit([p1, p4]);
    const first = result.slots.get('s1')!;
    const cont = result.slots.get('s4')!;
    expect(first.jumpOut).toBe('（下转4版）');
    expect(cont.jumpIn).toBe('（上接1版）');
    expect(first.fit.status).toBe('fit');
    expect(first.carriedLines).toBe(alone.fit.overLines + 1);
    // what the continuation sets is what the first part could not hold
    expect(cont.startParagraph).toBe(alone.fit.oversetParagraph);
    expect(Math.abs(cont.fit.bodyLines - first.carriedLines)).toBeLessThanOrEqual(1);
    expect(result.jumps).toEqual([]);
  });

  it('renumbered pages change the lines: identity, not numbers, is stored', () => {
    const p1 = page('p1', 1, [slot('s1', 'p1', {})]);
    const p4 = page('p4', 3, [slot('s4', 'p4', { continuesFrom: 's1' })]);
    expect(fit([p1, p4]).slots.get('s1')!.jumpOut).toBe('（下转3版）');
  });

  it('the numeral style comes from the template', () => {
    const result = fitBoard({
      pages: [page('p1', 1, [slot('s1', 'p1', {})]), page('p4', 4, [slot('s4', 'p4', { continuesFrom: 's1' })])],
      templates: new Map([['t', { ...T, jumpStyle: 'chinese' as const }]]),
      stories: new Map([['a', story]]),
    });
    expect(result.slots.get('s1')!.jumpOut).toBe('（下转第四版）');
    expect(result.slots.get('s4')!.jumpIn).toBe('（上接第一版）');
  });

  it('a continued part whose source is gone is a broken jump; a story not approved is pending', () => {
    const result = fit([page('p4', 4, [slot('s4', 'p4', { continuesFrom: 'gone' })])], { ...story, approvedRevisionId: null });
    expect(result.jumps[0]!.message).toContain('找不到转出稿位');
    expect(result.slots.get('s4')!.pending).toBe(true);
  });

  it('破栏: 3 columns set in 2 narrows the text column to 20 characters', () => {
    const result = fit([page('p1', 1, [slot('s1', 'p1', { textColumns: 2 })])]);
    expect(result.slots.get('s1')!.fit.cpl).toBe(20);
  });
});

describe('slot rules', () => {
  const others = [slot('x', 'p', { col: 0, line: 0, columns: 8, lines: 24, kind: 'masthead', label: '报头' })];
  it('refuses zero size, outside the type area and overlaps with the reason', () => {
    expect(slotRefusal({ col: 0, line: 30, columns: 0, lines: 5 }, T, others)).toContain('至少要 1 栏宽');
    expect(slotRefusal({ col: 6, line: 30, columns: 3, lines: 5 }, T, others)).toContain('超出版心');
    expect(slotRefusal({ col: 0, line: 120, columns: 3, lines: 5 }, T, others)).toContain('超出版心');
    expect(slotRefusal({ col: 2, line: 20, columns: 3, lines: 10 }, T, others)).toContain('与稿位“报头”');
    expect(slotRefusal({ col: 2, line: 24, columns: 3, lines: 10 }, T, others)).toBeNull();
  });
  it('finds the first free place and keeps dragged rectangles on the grid', () => {
    expect(findFreeRect({ columns: 3, lines: 40 }, T, others)).toEqual({ col: 0, line: 24, columns: 3, lines: 40 });
    expect(clampRect({ col: 7, line: 110, columns: 3, lines: 40 }, T)).toEqual({ col: 5, line: 83, columns: 3, lines: 40 });
  });
});
