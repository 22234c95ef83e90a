import type { ArticleByline, ArticleDateline } from '../../../shared/domain/article';
import type { PaperNames } from '../../../shared/article/byline';
import { buildDateline } from '../../../shared/article/dateline';

export { endCreditLine } from '../../../shared/article/credits';

type DatelineProblem = 'needsPlace' | 'needsDate' | 'invalid';

export type DatelineLine = { text: string; problem: null } | { text: ''; problem: DatelineProblem };

/**
 * The 电头 as it will print, or why it cannot be built yet. The datelines from elsewhere name a
 * place and a date; saying which is missing helps more than buildDateline's generic error.
 */
export function datelineLine(dateline: ArticleDateline | null, bylines: readonly ArticleByline[], paper: PaperNames): DatelineLine | null {
  if (!dateline) return null;
  if (dateline.kind !== 'local') {
    if (!dateline.place?.trim()) return { text: '', problem: 'needsPlace' };
    if (dateline.month === undefined || dateline.day === undefined) return { text: '', problem: 'needsDate' };
  }
  try {
    return { text: buildDateline(dateline, bylines, paper), problem: null };
  } catch {
    return { text: '', problem: 'invalid' };
  }
}
