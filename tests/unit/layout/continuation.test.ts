import { proofStatus } from '../../../shared/proofreading/proofDesk';
import { describe, expect, it } from 'vitest';
import { EMPTY_PAGE_CREDITS } from '../../../shared/paper/masthead';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import { CONTINUED_HEADLINE_PT, type BudgetStory, type LayoutPage, type LayoutSlot } from '../../../shared/layout/board';
import { fitBoard } from '../../../shared/layout/boardFit';
import { continuationSize, MIN_DEPTH_LINES } from '../../../shared/layout/continuation';

const broadsheet = { ...DEFAULT_TEMPLATES[0]!, id: 'b' };
const tabloid = { ...DEFAULT_TEMPLATES.find((t) => t.format === '四开')!, id: 't' };
const templates = new Map([
  ['b', broadsheet],
  ['t', tabloid],
]);

function slot(id: string, pageId: string, rect: Partial<LayoutSlot>): LayoutSlot {
  return { id, pageId, kind: 'article', col: 0, line: 0, columns: 4, lines: 40, textColumns: null, articleId: 'a', photoId: null, photoColumns: null, continuesFrom: null, headlinePt: [22], label: '', version: 1, ...rect };
}

function page(id: string, number: number, templateId: string, slots: LayoutSlot[]): LayoutPage {
  return { id, editionId: 'e', number, name: `${number}`, templateId, colour: false, status: 'in_progress', credits: EMPTY_PAGE_CREDITS, version: 1, slots, signedAt: null, signedByName: null, changedSinceSign: false, proof: proofStatus([], [], 'd') };
}

const storyOf = (paragraphs: number, cells = 130): BudgetStory => ({
  id: 'a', kicker: '', headline: '长稿', subheadline: '', status: 'approved', version: 1, chars: paragraphs * cells,
  paragraphCells: Array(paragraphs).fill(cells), approvedRevisionId: 'r', plannedDate: null, plannedPage: 1, photos: [],
});

/** Jumps s1 to the target page at the size continuationSize gives, and fits the board. */
function jump(story: BudgetStory, targetTemplate: 'b' | 't', source: Partial<LayoutSlot> = {}) {
  const p1 = page('p1', 1, 'b', [slot('s1', 'p1', source)]);
  const p4 = page('p4', 4, targetTemplate, []);
  const stories = new Map([['a', story]]);
  const size = continuationSize({ pages: [p1, p4], templates, stories, sourceSlotId: 's1', targetPageId: 'p4' });
  if (!size) return { size, fit: null };
  const cont = slot('s4', 'p4', { ...size, continuesFrom: 's1', headlinePt: [...CONTINUED_HEADLINE_PT] });
  const fit = fitBoard({ pages: [p1, { ...p4, slots: [cont] }], templates, stories });
  return { size, fit: fit.slots.get('s4')!, carried: fit.slots.get('s1')!.carriedLines };
}

describe('the continued part is sized from the text left over', () => {
  it('a long overset runs as wide as the source and exactly as deep as its text: 正好, neither 超 nor 缺', () => {
    const { size, fit, carried } = jump(storyOf(20), 'b');
    expect(size!.columns).toBe(4);
    expect(fit!.fit.status).toBe('fit');
    expect(fit!.fit.overLines).toBeLessThanOrEqual(0);
    // one line less and it would be over
    expect(size!.lines).toBeLessThan(40);
    expect(carried).toBeGreaterThan(0);
  });

  it('a short overset narrows the part rather than making a strip a few lines deep', () => {
    const { size, fit, carried } = jump(storyOf(15), 'b');
    expect(carried).toBeLessThan(4 * MIN_DEPTH_LINES);
    expect(size!.columns).toBeLessThan(4);
    expect(fit!.fit.depthLines - fit!.fit.headlineLines).toBeGreaterThanOrEqual(MIN_DEPTH_LINES);
    expect(fit!.fit.status).toBe('fit');
  });

  it('sets the text at the target page’s columns: a tabloid page’s narrower columns take more lines', () => {
    const onBroadsheet = jump(storyOf(20), 'b').size!;
    const onTabloid = jump(storyOf(20), 't');
    expect(onTabloid.fit!.fit.cpl).toBe(tabloid.charsPerColumn);
    expect(onTabloid.fit!.fit.status).toBe('fit');
    expect(onTabloid.size!.lines).toBeGreaterThan(onBroadsheet.lines);
  });

  it('a text too deep for the page at the source width is set wider', () => {
    const { size } = jump(storyOf(60), 'b', { columns: 2, lines: 60 });
    expect(size!.columns).toBeGreaterThan(2);
    expect(size!.lines).toBeLessThanOrEqual(broadsheet.linesPerColumn);
  });

  it('nothing left over: no size', () => {
    expect(jump(storyOf(2, 40), 'b').size).toBeNull();
  });
});
