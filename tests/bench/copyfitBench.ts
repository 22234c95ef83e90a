import { fitEdition, type EditionSlot } from '../../shared/layout/copyfit';
import { DEFAULT_TEMPLATES, type PageTemplate } from '../../shared/layout/geometry';
import { percentile, round } from './stats';

/** A full edition recompute from cached paragraph cells: 24 pages × 12 slots. */
export function editionSlots(): EditionSlot[] {
  const broadsheet = DEFAULT_TEMPLATES[0] as PageTemplate;
  const slots: EditionSlot[] = [];
  for (let page = 1; page <= 24; page++) {
    for (let s = 0; s < 12; s++) {
      slots.push({
        page,
        template: broadsheet,
        columns: 1 + (s % 4),
        lines: 30 + s * 5,
        headline: { sizesPt: [22, 15] },
        photos: s % 3 === 0 ? [{ columnsWide: 1, aspect: 0.75 }] : [],
        paragraphCells: Array.from({ length: 12 }, (_, i) => 40 + ((page * 7 + s * 13 + i * 29) % 160)),
      });
    }
  }
  return slots;
}

export async function benchCopyfit(): Promise<Record<string, number>> {
  const slots = editionSlots();
  for (let i = 0; i < 30; i++) fitEdition(slots);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = process.hrtime.bigint();
    fitEdition(slots);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { 'copyfit.edition_ms': round(percentile(samples, 50)) };
}
