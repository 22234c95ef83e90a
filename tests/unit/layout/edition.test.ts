import { describe, expect, it } from 'vitest';
import { fitEdition, type EditionSlot } from '../../../shared/layout/copyfit';
import { DEFAULT_TEMPLATES, type PageTemplate } from '../../../shared/layout/geometry';

const broadsheet = DEFAULT_TEMPLATES[0] as PageTemplate;
// the §3 worked example as cached cells: 66 body lines
const workedCells = [134, 133, 133, 133, 133, 134];
const worked = (page: number | string, lines: number, id: string): EditionSlot => ({
  page,
  id,
  template: broadsheet,
  columns: 3,
  lines,
  headline: { sizesPt: [26, 15] },
  photos: [{ columnsWide: 2, aspect: 0.75, captionLines: 2 }],
  paragraphCells: workedCells,
});

describe('fitEdition', () => {
  it('sums over and under per page and for the edition', () => {
    // 40 lines: over 5 lines / 58 chars; 45 lines: under 10 / 137; 42 lines: fit, 1 line / 20 chars left
    const r = fitEdition([worked(1, 40, 'a'), worked(1, 45, 'b'), worked(2, 42, 'c')]);
    expect(r.pages.map((p) => p.page)).toEqual(['1', '2']);
    expect(r.pages[0]).toMatchObject({ slots: 2, over: 1, under: 1, fit: 0, overLines: 5, underLines: 10, overChars: 58, underChars: 137 });
    expect(r.pages[1]).toMatchObject({ slots: 1, fit: 1, overLines: 0, underLines: 1, underChars: 20 });
    expect(r.edition).toEqual({ slots: 3, over: 1, fit: 1, under: 1, overLines: 5, underLines: 11, overChars: 58, underChars: 157 });
    expect(r.slots.map((s) => [s.id, s.page, s.status])).toEqual([
      ['a', '1', 'over'],
      ['b', '1', 'under'],
      ['c', '2', 'fit'],
    ]);
  });
});
