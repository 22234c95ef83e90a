import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';
import type { SearchAuthor } from '../../../shared/api/methods/search';
import { SEARCH_COUNT_CAP, type SearchFilters, type SearchTextRow } from './searchBackend';
import { summaryFromRow, type SummaryRow } from '../repositories/articleRepository';

export interface SearchPage {
  docids: number[];
  /** exact up to SEARCH_COUNT_CAP; beyond it, SEARCH_COUNT_CAP with `capped` */
  total: number;
  capped: boolean;
}

interface TextRow extends SummaryRow {
  subheadline: string;
  body_text: string;
}

/** How many of the newest hits of a long query are ranked (see page()). */
const RANKED_WINDOW = 500;

/** Headline parts count most, then bylines, then the body (bm25 column weights, in column order). */
const BM25 = 'bm25(s.article_search, 10.0, 5.0, 1.0)';

/** Filters other than the trash, which is the sign of the docid (see migration 002). */
function filterSql(filters: SearchFilters, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (filters.status && filters.status.length > 0) {
    where.push(`d.status IN (${filters.status.map((_, i) => `@status${i}`).join(', ')})`);
    filters.status.forEach((s, i) => (params[`status${i}`] = s));
  }
  if (filters.desk) {
    where.push('d.desk = @desk');
    params['desk'] = filters.desk;
  }
  if (filters.authorId) {
    where.push('d.created_by = @author');
    params['author'] = filters.authorId;
  }
  if (filters.from) {
    where.push('d.updated_at >= @from');
    params['from'] = filters.from;
  }
  if (filters.to) {
    where.push('d.updated_at < @to');
    params['to'] = filters.to;
  }
  return where;
}

export class SqliteSearchRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly rankedWindow = RANKED_WINDOW,
    private readonly countCap = SEARCH_COUNT_CAP,
  ) {}

  /** Filters vary per call; each distinct shape is prepared once. */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A trigram phrase match (`match` is an FTS5 string already quoted), best bm25 first. */
  matchPhrase(match: string, filters: SearchFilters, limit: number, offset: number): SearchPage {
    return this.page('article_search', match, true, filters, limit, offset);
  }

  /**
   * Stories holding a one- or two-character string, newest change first:
   * `match` is the hex token of the two characters, or one character's hex as a prefix.
   */
  matchGrams(match: string, filters: SearchFilters, limit: number, offset: number): SearchPage {
    return this.page('article_grams', match, false, filters, limit, offset);
  }

  /**
   * Without filters the index answers alone: the trash is a docid range and
   * newest-first a descending scan that stops at the page. Filters join the
   * compact docs table per hit.
   *
   * bm25 costs a little for every hit, so a phrase in every tenth story would
   * be ranked slowly; ranking is limited to the newest `rankedWindow` hits, and
   * older ones follow, newest first. A newsroom wants this year's story before
   * an old one that uses the phrase once more.
   *
   * bm25 also reads the phrase's whole doclist once per query for its rarity,
   * whatever the LIMIT: 15 ms for a phrase in 100,000 stories. For one phrase
   * that rarity only scales every score alike, so past the count cap (where the
   * reading would cost most) the window is ordered by where the phrase stands.
   */
  private page(
    index: 'article_search' | 'article_grams',
    match: string,
    ranked: boolean,
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): SearchPage {
    const params: Record<string, unknown> = { match };
    const conditions = [`s.${index} MATCH @match`, filters.trash ? 's.rowid < 0' : 's.rowid > 0', ...filterSql(filters, params)];
    const from = `FROM ${index} s ${conditions.length > 2 ? 'JOIN article_search_docs d ON d.docid = s.rowid' : ''} WHERE ${conditions.join(' AND ')}`;
    // The index walks a doclist quickly from its newest end and stops at the LIMIT.
    const newest = filters.trash ? 'ASC' : 'DESC';
    const docids = (sql: string, values: Record<string, unknown>) => (this.statement(sql).all({ ...params, ...values }) as { docid: number }[]).map((r) => r.docid);
    const byAge = (take: number, skip: number) => docids(`SELECT s.rowid AS docid ${from} ORDER BY s.rowid ${newest} LIMIT @take OFFSET @skip`, { take, skip });
    const counted = (this.statement(`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT @cap)`).get({ ...params, cap: this.countCap + 1 }) as { n: number }).n;
    const capped = counted > this.countCap;
    const total = capped ? this.countCap : counted;
    if (!ranked) return { docids: byAge(limit, offset), total, capped };

    const window = this.rankedWindow;
    const take = Math.min(limit, window - offset);
    const best =
      offset >= window
        ? []
        : capped
          ? this.byPlace(match, byAge(window, 0)).slice(offset, offset + take)
          : docids(
              `WITH recent(docid, score) AS MATERIALIZED (SELECT s.rowid, ${BM25} ${from} ORDER BY s.rowid ${newest} LIMIT @window)
               SELECT docid FROM recent ORDER BY score, docid ${newest} LIMIT @take OFFSET @skip`,
              { window, take, skip: offset },
            );
    const older = best.length < limit && total > window ? byAge(limit - best.length, Math.max(window, offset)) : [];
    return { docids: [...best, ...older].slice(0, Math.max(0, Math.min(limit, total - offset))), total, capped };
  }

  /**
   * The given hits of a phrase (newest first) with those holding it in a headline part first,
   * then in a byline, then the rest, each group newest first: bm25's order without its weighing
   * of how often and in how long a story.
   */
  private byPlace(match: string, recent: number[]): number[] {
    if (recent.length === 0) return recent;
    // FTS5 honours a rowid bound only when it is bound as an integer; a JS number binds as a real.
    const bounds = { lo: BigInt(Math.min(...recent)), hi: BigInt(Math.max(...recent)) };
    const holding = (column: string) =>
      new Set(
        (
          this.statement('SELECT rowid AS docid FROM article_search WHERE article_search MATCH @match AND rowid BETWEEN @lo AND @hi').all({
            match: `${column} : ${match}`,
            ...bounds,
          }) as { docid: number }[]
        ).map((r) => r.docid),
      );
    const heading = holding('heading');
    const byline = holding('byline');
    const place = (docid: number) => (heading.has(docid) ? 0 : byline.has(docid) ? 1 : 2);
    return [...recent].sort((a, b) => place(a) - place(b));
  }

  /** List columns and searchable text of the stories behind the given docids, in the order given. */
  texts(docids: readonly number[]): SearchTextRow[] {
    if (docids.length === 0) return [];
    const rows = this.statement(
      `SELECT a.id, a.slug, a.desk, a.genre, a.kicker, a.headline, a.subheadline, a.status, a.version, a.char_count,
         a.target_chars, a.edition_date, a.page, a.priority, a.updated_at, a.byline_names, a.body_text,
         cu.display_name AS created_by_name, uu.display_name AS updated_by_name
       FROM json_each(@docids) j JOIN article_search_docs d ON d.docid = j.value JOIN articles a ON a.id = d.article_id
       JOIN users cu ON cu.id = a.created_by JOIN users uu ON uu.id = a.updated_by
       ORDER BY j.key`,
    ).all({ docids: JSON.stringify(docids) }) as TextRow[];
    return rows.map((row) => ({
      ...summaryFromRow(row),
      subheadline: row.subheadline,
      bylineText: row.byline_names,
      bodyText: row.body_text,
    }));
  }

  /** Everyone with at least one live story. */
  authors(): SearchAuthor[] {
    return this.statement(
      `SELECT u.id, u.display_name AS displayName FROM users u
       WHERE EXISTS (SELECT 1 FROM articles a WHERE a.created_by = u.id AND a.deleted_at IS NULL)`,
    ).all() as SearchAuthor[];
  }

  /**
   * Desk names in use; a skip scan of the desk index touches one entry per
   * desk, not one per story. Named, because without statistics the planner
   * scans the whole table instead (5 s at 200,000 stories).
   */
  desks(): string[] {
    const rows = this.statement(
      `WITH RECURSIVE seen(desk) AS (
         SELECT min(desk) FROM articles INDEXED BY articles_desk_updated WHERE deleted_at IS NULL AND desk > ''
         UNION ALL
         SELECT (SELECT min(desk) FROM articles INDEXED BY articles_desk_updated WHERE deleted_at IS NULL AND desk > seen.desk)
         FROM seen WHERE desk IS NOT NULL)
       SELECT desk FROM seen WHERE desk IS NOT NULL`,
    ).all() as { desk: string }[];
    return rows.map((r) => r.desk);
  }
}
