import type { PostgresStore } from '../store/postgresStore';
import type { SearchAuthor } from '../../../shared/api/methods/search';
import { summaryFromRow, type SummaryRow } from '../repositories/articleRepository';
import { SEARCH_COUNT_CAP, type SearchBackend, type SearchFilters, type SearchHits, type SearchTextRow } from './searchBackend';

/** How many of the newest hits of a phrase are ordered by where it stands (as SQLite does past its cap). */
const PLACED_WINDOW = 500;
/** Stories indexed per transaction when catching up. */
const INDEX_BATCH = 200;

/** Text as it is indexed and matched: case folded, NUL (which PostgreSQL text cannot hold) dropped. */
export function foldForSearch(text: string): string {
  return text.replaceAll('\u0000', '').toLowerCase();
}

/** Every distinct one- and two-character window of the text: what the GIN index holds for a story. */
export function searchGrams(text: string): string[] {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    grams.add(chars[i]!);
    if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/** The windows a query needs a story to hold: itself when one or two characters long, else its pairs. */
function queryGrams(query: string): string[] {
  const chars = [...query];
  return chars.length <= 2 ? [query] : [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
}

interface HitRow {
  article_id: string;
  place: number;
}

interface TextRow extends SummaryRow {
  subheadline: string;
  body_text: string;
}

/**
 * Search on PostgreSQL with what it ships: a GIN index over each story's distinct one- and
 * two-character windows (text[]), which finds the stories holding every window of the query, and
 * strpos over the folded text, which keeps those holding the query itself. So a query of any length
 * matches exactly the stories SQLite's trigram and two-character indexes match, and text typed in
 * the box is never syntax. Hits come newest first; for three characters and more the newest 500 are
 * ordered by where the phrase stands (headline parts, bylines, body), as SQLite orders them past its
 * count cap (below it SQLite ranks by bm25, which PostgreSQL does not ship).
 */
export class PostgresSearch implements SearchBackend {
  constructor(private readonly store: PostgresStore) {}

  async catchUp(): Promise<number> {
    let indexed = 0;
    while ((await this.store.get('SELECT 1 FROM article_search_pending LIMIT 1')) !== undefined) {
      const batch = await this.store.transaction(async () => {
        // Not SKIP LOCKED: a search must wait for an indexing under way elsewhere to commit, or it
        // would answer without the story being indexed. The waiter then finds the rows gone.
        const ids = (
          await this.store.all<{ article_id: string }>(
            `DELETE FROM article_search_pending WHERE article_id IN (
               SELECT article_id FROM article_search_pending LIMIT ${INDEX_BATCH} FOR UPDATE)
             RETURNING article_id`,
          )
        ).map((r) => r.article_id);
        if (ids.length === 0) return 0;
        const rows = await this.store.all<{ id: string; kicker: string; headline: string; subheadline: string; byline_names: string; body_text: string }>(
          'SELECT id, kicker, headline, subheadline, byline_names, body_text FROM articles WHERE id = ANY(?)',
          [ids],
        );
        for (const row of rows) {
          const heading = foldForSearch(`${row.kicker}\n${row.headline}\n${row.subheadline}`);
          const byline = foldForSearch(row.byline_names);
          const body = foldForSearch(row.body_text);
          await this.store.run(
            `INSERT INTO article_search (article_id, heading, byline, body, grams) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (article_id) DO UPDATE SET heading = excluded.heading, byline = excluded.byline, body = excluded.body, grams = excluded.grams`,
            [row.id, heading, byline, body, searchGrams(`${heading}\n${byline}\n${body}`)],
          );
        }
        return ids.length;
      });
      if (batch === 0) break;
      indexed += batch;
    }
    return indexed;
  }

  async search(raw: string, filters: SearchFilters, limit: number, offset: number): Promise<SearchHits> {
    const query = foldForSearch(raw);
    const phrase = [...query].length >= 3;
    const where = ['s.grams @> ?::text[]', filters.trash ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
    const params: unknown[] = [queryGrams(query)];
    if (phrase) {
      where.push('(strpos(s.heading, ?) > 0 OR strpos(s.byline, ?) > 0 OR strpos(s.body, ?) > 0)');
      params.push(query, query, query);
    }
    if (filters.status && filters.status.length > 0) {
      where.push('a.status = ANY(?)');
      params.push(filters.status);
    }
    if (filters.desk) {
      where.push('a.desk = ?');
      params.push(filters.desk);
    }
    if (filters.authorId) {
      where.push('a.created_by = ?');
      params.push(filters.authorId);
    }
    if (filters.from) {
      where.push('a.updated_at >= ?');
      params.push(filters.from);
    }
    if (filters.to) {
      where.push('a.updated_at < ?');
      params.push(filters.to);
    }
    // The newest hits up to one past the cap: enough to count to the cap, rank the window and page.
    const hits = await this.store.all<HitRow>(
      `SELECT s.article_id, CASE WHEN strpos(s.heading, ?) > 0 THEN 0 WHEN strpos(s.byline, ?) > 0 THEN 1 ELSE 2 END AS place
       FROM article_search s JOIN articles a ON a.id = s.article_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`,
      [query, query, ...params, SEARCH_COUNT_CAP + 1],
    );
    const capped = hits.length > SEARCH_COUNT_CAP;
    const found = capped ? hits.slice(0, SEARCH_COUNT_CAP) : hits;
    const ordered = phrase
      ? [...found.slice(0, PLACED_WINDOW).sort((a, b) => a.place - b.place), ...found.slice(PLACED_WINDOW)]
      : found;
    const ids = ordered.slice(offset, offset + limit).map((h) => h.article_id);
    return { rows: await this.texts(ids), total: found.length, capped };
  }

  /** List columns and searchable text of the given stories, in the order given. */
  private async texts(ids: readonly string[]): Promise<SearchTextRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.all<TextRow>(
      `SELECT a.id, a.slug, a.desk, a.genre, a.kicker, a.headline, a.subheadline, a.status, a.version, a.char_count,
         a.target_chars, a.edition_date, a.page, a.priority, a.updated_at, a.byline_names, a.body_text,
         cu.display_name AS created_by_name, uu.display_name AS updated_by_name
       FROM articles a JOIN users cu ON cu.id = a.created_by JOIN users uu ON uu.id = a.updated_by
       WHERE a.id = ANY(?)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ ...summaryFromRow(row), subheadline: row.subheadline, bylineText: row.byline_names, bodyText: row.body_text }] : [];
    });
  }

  authors(): Promise<SearchAuthor[]> {
    return this.store.all<SearchAuthor>(
      `SELECT u.id, u.display_name AS "displayName" FROM users u
       WHERE EXISTS (SELECT 1 FROM articles a WHERE a.created_by = u.id AND a.deleted_at IS NULL)`,
    );
  }

  /** Desk names in use: one index probe per desk (a loose scan), not one row per story. */
  async desks(): Promise<string[]> {
    const rows = await this.store.all<{ desk: string }>(
      `WITH RECURSIVE seen(desk) AS (
         SELECT min(desk) FROM articles WHERE deleted_at IS NULL AND desk > ''
         UNION ALL
         SELECT (SELECT min(desk) FROM articles WHERE deleted_at IS NULL AND desk > seen.desk) FROM seen WHERE desk IS NOT NULL)
       SELECT desk FROM seen WHERE desk IS NOT NULL`,
    );
    return rows.map((r) => r.desk);
  }
}
