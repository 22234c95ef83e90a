/**
 * 导读: the front page's index of the stories inside. Entries come from the edition itself — each
 * story that starts on another page (where it is placed, else the page the desk planned it for) —
 * so, like jump lines, the page numbers follow when pages are reordered.
 */
import type { BudgetStory, LayoutPage } from './board';
import { STORY_SLOT_KINDS } from './board';

export interface TeaserEntry {
  articleId: string;
  headline: string;
  page: number;
}

/** Stories not yet filed or spiked have nothing to point to. */
const LISTED = new Set<BudgetStory['status']>(['submitted', 'review1', 'review2', 'review3', 'approved', 'placed', 'page_signed', 'printed']);

export function teaserEntries(pages: readonly LayoutPage[], stories: readonly BudgetStory[], teaserPageId: string): TeaserEntry[] {
  const placed = new Map<string, { page: number; line: number; col: number }>();
  for (const page of pages) {
    for (const slot of page.slots) {
      if (!slot.articleId || slot.continuesFrom || !STORY_SLOT_KINDS.includes(slot.kind)) continue;
      if (page.id === teaserPageId) placed.set(slot.articleId, { page: 0, line: 0, col: 0 });
      else if (!placed.has(slot.articleId)) placed.set(slot.articleId, { page: page.number, line: slot.line, col: slot.col });
    }
  }
  const here = pages.find((p) => p.id === teaserPageId)?.number;
  const entries: (TeaserEntry & { order: [number, number, number] })[] = [];
  for (const story of stories) {
    if (!LISTED.has(story.status)) continue;
    const at = placed.get(story.id);
    if (at?.page === 0) continue;
    const page = at?.page ?? story.plannedPage;
    if (page === null || page === here || !pages.some((p) => p.number === page)) continue;
    entries.push({ articleId: story.id, headline: story.headline, page, order: [page, at ? 0 : 1, at ? at.line * 100 + at.col : 0] });
  }
  entries.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
  return entries.map(({ order: _order, ...entry }) => entry);
}
