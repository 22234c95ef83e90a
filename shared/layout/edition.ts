/**
 * Over/under totals per page and for the whole edition. Meant to be recomputed on every edit, so
 * callers pass cached `paragraphCells` per slot; then a slot costs a few arithmetic operations
 * per paragraph.
 */
import { fitSlot, type SlotFit, type SlotInput } from './slot';

export interface EditionSlot extends SlotInput {
  page: string | number;
  id?: string;
}

export interface FitTotals {
  slots: number;
  over: number;
  fit: number;
  under: number;
  /** Σ of positive overLines: lines to cut */
  overLines: number;
  /** Σ of −overLines of slots that are short: lines to fill */
  underLines: number;
  overChars: number;
  underChars: number;
}

interface SlotResult extends SlotFit {
  page: string;
  id?: string;
}

export interface EditionFit {
  edition: FitTotals;
  /** in order of first appearance */
  pages: Array<FitTotals & { page: string }>;
  slots: SlotResult[];
}

export function emptyTotals(): FitTotals {
  return { slots: 0, over: 0, fit: 0, under: 0, overLines: 0, underLines: 0, overChars: 0, underChars: 0 };
}

export function addToTotals(t: FitTotals, f: SlotFit): void {
  t.slots++;
  t[f.status]++;
  if (f.overLines > 0) t.overLines += f.overLines;
  else t.underLines -= f.overLines;
  if (f.overChars > 0) t.overChars += f.overChars;
  else t.underChars -= f.overChars;
}

export function fitEdition(slots: readonly EditionSlot[]): EditionFit {
  const edition = emptyTotals();
  const pages = new Map<string, FitTotals & { page: string }>();
  const results: SlotResult[] = [];
  for (const slot of slots) {
    const page = String(slot.page);
    const fit = fitSlot(slot);
    // fitSlot returns a fresh object: tag it instead of copying it (this loop runs on every edit)
    const r = fit as SlotResult;
    r.page = page;
    if (slot.id !== undefined) r.id = slot.id;
    results.push(r);
    let totals = pages.get(page);
    if (!totals) {
      totals = { page, ...emptyTotals() };
      pages.set(page, totals);
    }
    addToTotals(totals, fit);
    addToTotals(edition, fit);
  }
  return { edition, pages: [...pages.values()], slots: results };
}
