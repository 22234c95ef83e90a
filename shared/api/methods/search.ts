import { z } from 'zod';
import type { ArticleSummary } from '../../domain/article';
import { ARTICLE_STATUSES } from '../../domain/article';
import { id, isoDate, method, shortText } from '../contractKit';

/**
 * Snippets mark each hit with these private-use characters: no keyboard or
 * import produces them (the search strips them from queries), so the UI can
 * split on them without ever confusing them with text a writer typed.
 */
export const SNIPPET_MARK_START = '\uE000';
export const SNIPPET_MARK_END = '\uE001';

export type SearchField = 'headline' | 'byline' | 'body';

export interface ArticleSearchHit extends ArticleSummary {
  /** About 40 characters around the first hit, hits wrapped in SNIPPET_MARK_START/END. */
  snippet: string;
  /** Where the snippet comes from: headline parts first, then bylines, then the body. */
  field: SearchField;
}

export interface ArticleSearchResult {
  items: ArticleSearchHit[];
  /** exact, or the cap when `capped` (more stories match than are counted) */
  total: number;
  capped: boolean;
  tookMs: number;
}

export interface SearchAuthor {
  id: string;
  displayName: string;
}

/** What the list screen's filters offer: authors and desks that have live stories. */
export interface SearchFacets {
  authors: SearchAuthor[];
  desks: string[];
}

/** A real calendar day: the regex alone lets 2025-02-30 through. */
const calendarDate = isoDate.refine((value) => {
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}, { error: '不是有效的日期' });

/**
 * dateFrom/dateTo filter on the day a story was last changed (updated_at, in
 * the newsroom's time zone), both ends included: every story has one, while
 * edition_date stays empty until a story is placed on a page.
 */
const articleSearchSchema = z
  .object({
    query: z.string().trim().min(1, { error: '请输入要搜索的字词' }).max(200, { error: '不能超过 200 个字符' }),
    status: z.array(z.enum(ARTICLE_STATUSES)).optional(),
    desk: shortText(40).optional(),
    authorId: id.optional(),
    dateFrom: calendarDate.optional(),
    dateTo: calendarDate.optional(),
    trash: z.boolean().optional(),
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .refine((q) => !q.dateFrom || !q.dateTo || q.dateFrom <= q.dateTo, { error: '结束日期不能早于起始日期', path: ['dateTo'] });

export const searchMethods = {
  'search.articles': method<ArticleSearchResult>()(articleSearchSchema, 'article.read', false),
  /** The filters' choices for anyone who may read stories (users.list needs user.manage). */
  'search.facets': method<SearchFacets>()(z.object({}), 'article.read', false),
} as const;
