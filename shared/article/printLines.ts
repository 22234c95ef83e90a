import type { ArticleByline, ArticleDateline } from '../domain/article';
import type { PaperNames } from './byline';
import { buildDateline } from './dateline';
import { buildEndCredit } from './credits';

export type DatelineProblem = 'needsPlace' | 'needsDate' | 'invalid';

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

/** The end credit of a 简讯 as printed: 王磊 → （王磊）, 张三、李四 → （张三、李四）, 据新华社 → （据新华社）. */
export function endCreditLine(value: string): string {
  const bare = value.trim().replace(/^[（(]\s*/, '').replace(/\s*[)）]$/, '');
  if (bare === '') return '';
  if (bare.startsWith('据')) return buildEndCredit({ source: bare });
  return buildEndCredit(bare.split(/[、，,\s\u3000]+/));
}
