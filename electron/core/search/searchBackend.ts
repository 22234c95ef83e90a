import type { ArticleStatus, ArticleSummary } from '../../../shared/domain/article';
import type { SearchAuthor } from '../../../shared/api/methods/search';

/** Narrows a search; `from`/`to` are UTC instants bounding updated_at (to exclusive). */
export interface SearchFilters {
  trash: boolean;
  status?: ArticleStatus[];
  desk?: string;
  authorId?: string;
  from?: string;
  to?: string;
}

/** A hit's list columns plus the text its snippet is cut from. */
export interface SearchTextRow extends ArticleSummary {
  subheadline: string;
  bylineText: string;
  bodyText: string;
}

export interface SearchHits {
  rows: SearchTextRow[];
  /** exact up to SEARCH_COUNT_CAP; beyond it, SEARCH_COUNT_CAP with `capped` */
  total: number;
  capped: boolean;
}

/**
 * Hits counted at most: counting every story that holds a common phrase reads its whole doclist
 * (half of such a query's time at 100,000 hits), and nobody pages past the first thousand.
 */
export const SEARCH_COUNT_CAP = 1000;

/**
 * Full-text search over one store: each store indexes with what it ships (SQLite's FTS5, PostgreSQL's
 * GIN), and both answer the same queries with the same stories: a phrase anywhere in the headline
 * parts, the bylines or the body, whatever its length, the query text taken literally.
 */
export interface SearchBackend {
  /** Indexes what edits left pending (see migration 010); returns how many stories. */
  catchUp(): Promise<number>;
  /** `query` is normalized and not empty. */
  search(query: string, filters: SearchFilters, limit: number, offset: number): Promise<SearchHits>;
  authors(): Promise<SearchAuthor[]>;
  desks(): Promise<string[]>;
}
