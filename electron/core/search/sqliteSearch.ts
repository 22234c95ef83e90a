import type { Db } from '../db/connection';
import type { SqliteStore } from '../store/sqliteStore';
import type { SearchAuthor } from '../../../shared/api/methods/search';
import type { SearchBackend, SearchFilters, SearchHits } from './searchBackend';
import { SqliteSearchRepository } from './sqliteSearchRepository';

/** The trigram index needs three characters; shorter queries go to the two-character index. */
const TRIGRAM = 3;

/** An FTS5 string literal: inside double quotes every operator (AND, NEAR, *, ^, :, parentheses) is plain text. */
export function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

/**
 * The article_grams term for a one- or two-character query, folded as the
 * migration's triggers fold windows (SQLite's lower() touches ASCII only);
 * one character is a prefix of every window it starts.
 */
function gramsMatch(query: string): string {
  const hex = Buffer.from(query.replace(/[A-Z]/g, (c) => c.toLowerCase()), 'utf8').toString('hex');
  return [...query].length === 1 ? `${hex}*` : `"${hex}"`;
}

/**
 * Brings the full-text indexes up to date with every story edited since they were last brought up
 * to date (migration 010), in one transaction. Returns how many stories it indexed.
 */
function indexPendingStories(db: Db): number {
  // Every search asks first: a read answers it without taking the write lock when nothing waits.
  if (db.prepare('SELECT 1 FROM article_search_pending LIMIT 1').get() === undefined) return 0;
  const index = () => {
    const moved = db.prepare('INSERT INTO article_search_jobs (article_id) SELECT article_id FROM article_search_pending').run().changes;
    if (moved === 0) return 0;
    db.prepare('DELETE FROM article_search_jobs').run();
    db.prepare('DELETE FROM article_search_pending').run();
    return moved;
  };
  return db.inTransaction ? index() : db.transaction(index).immediate();
}

/**
 * FTS5 on the embedded store (migrations 002 and 010): trigram phrases for three characters and
 * more, bm25-ranked; a two-character index for shorter queries, newest first. Its queries are
 * SQLite's own (MATCH, rowid bounds bound as BigInt), so they run on the raw connection while the
 * store lends it.
 */
export class SqliteSearch implements SearchBackend {
  private readonly repo: SqliteSearchRepository;

  constructor(private readonly store: SqliteStore) {
    this.repo = new SqliteSearchRepository(store.raw);
  }

  catchUp(): Promise<number> {
    return this.store.exclusive(indexPendingStories);
  }

  search(query: string, filters: SearchFilters, limit: number, offset: number): Promise<SearchHits> {
    return this.store.exclusive(() => {
      const page =
        [...query].length >= TRIGRAM
          ? this.repo.matchPhrase(ftsPhrase(query), filters, limit, offset)
          : this.repo.matchGrams(gramsMatch(query), filters, limit, offset);
      return { rows: this.repo.texts(page.docids), total: page.total, capped: page.capped };
    });
  }

  authors(): Promise<SearchAuthor[]> {
    return this.store.exclusive(() => this.repo.authors());
  }

  desks(): Promise<string[]> {
    return this.store.exclusive(() => this.repo.desks());
  }
}
