import type { Db } from '../db/connection';
import type { Article, ArticleFields, ArticleStatus, ArticleSummary } from '../../../shared/domain/article';
import type { EditGroup } from '../../../shared/workflow/parts';

interface ArticleRow {
  id: string;
  slug: string;
  desk: string;
  genre: string;
  kicker: string;
  headline: string;
  subheadline: string;
  bylines: string;
  byline_names: string;
  dateline: string | null;
  end_credit: string;
  abstract: string;
  editors_note: string;
  keywords: string;
  target_chars: number | null;
  edition_date: string | null;
  page: number | null;
  priority: number;
  status: string;
  body: string;
  body_text: string;
  char_count: number;
  cells: number;
  paragraph_count: number;
  version: number;
  created_at: string;
  created_by: string;
  created_by_name: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
  deleted_at: string | null;
}

/** What the service derives from the fields on every write. */
export interface DerivedText {
  bodyText: string;
  bylineNames: string;
  charCount: number;
  cells: number;
  paragraphCount: number;
}

export interface ArticleListQuery {
  status?: ArticleStatus[];
  desk?: string;
  authorId?: string;
  editionDate?: string;
  trash?: boolean;
  sort: 'updated' | 'priority' | 'headline' | 'chars';
  limit: number;
  offset: number;
}

const FULL_SELECT = `SELECT a.*, cu.display_name AS created_by_name, uu.display_name AS updated_by_name
  FROM articles a JOIN users cu ON cu.id = a.created_by JOIN users uu ON uu.id = a.updated_by`;

const SUMMARY_SELECT = `SELECT a.id, a.slug, a.desk, a.genre, a.kicker, a.headline, a.status, a.version, a.char_count,
  a.target_chars, a.edition_date, a.page, a.priority, a.updated_at, a.byline_names,
  cu.display_name AS created_by_name, uu.display_name AS updated_by_name
  FROM articles a JOIN users cu ON cu.id = a.created_by JOIN users uu ON uu.id = a.updated_by`;

const SORTS: Record<ArticleListQuery['sort'], string> = {
  updated: 'a.updated_at DESC, a.id DESC',
  // Most urgent first, and within a priority the story waiting longest, as 待我处理 orders them.
  priority: 'a.priority ASC, a.updated_at ASC',
  headline: 'a.headline COLLATE NOCASE ASC, a.id ASC',
  chars: 'a.char_count DESC, a.id DESC',
};
/**
 * The index a page of live stories is read in. Named rather than left to the planner: without
 * statistics it picks a covering index and sorts a whole state, and sampled statistics take
 * `deleted_at IS NULL` for a handful of rows. Each one is partial on deleted_at IS NULL.
 */
function listIndex(sort: ArticleListQuery['sort'], byStatus: boolean, byDesk: boolean): string | null {
  if (sort === 'priority') return byStatus ? 'articles_queue' : null;
  if (sort !== 'updated') return null;
  if (byStatus) return byDesk ? 'articles_status_desk_updated' : 'articles_status_updated';
  return byDesk ? 'articles_desk_updated' : null;
}

/** The same orders over the merged branches of a multi-status page, by result column name. */
const OUTER_SORTS = Object.fromEntries(Object.entries(SORTS).map(([key, order]) => [key, order.replace(/\ba\./g, '')])) as Record<
  ArticleListQuery['sort'],
  string
>;

function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    slug: row.slug,
    desk: row.desk,
    genre: row.genre as Article['genre'],
    kicker: row.kicker,
    headline: row.headline,
    subheadline: row.subheadline,
    bylines: JSON.parse(row.bylines) as Article['bylines'],
    dateline: row.dateline ? (JSON.parse(row.dateline) as Article['dateline']) : null,
    endCredit: row.end_credit,
    abstract: row.abstract,
    editorsNote: row.editors_note,
    keywords: JSON.parse(row.keywords) as string[],
    targetChars: row.target_chars,
    editionDate: row.edition_date,
    page: row.page,
    priority: row.priority,
    status: row.status as ArticleStatus,
    body: JSON.parse(row.body) as Article['body'],
    version: row.version,
    charCount: row.char_count,
    cells: row.cells,
    paragraphCount: row.paragraph_count,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    deletedAt: row.deleted_at,
  };
}

/** The columns a list row needs; the search and workflow queries select them too. */
export type SummaryRow = Pick<
  ArticleRow,
  | 'id'
  | 'slug'
  | 'desk'
  | 'genre'
  | 'kicker'
  | 'headline'
  | 'status'
  | 'version'
  | 'char_count'
  | 'target_chars'
  | 'edition_date'
  | 'page'
  | 'priority'
  | 'updated_at'
  | 'byline_names'
  | 'created_by_name'
  | 'updated_by_name'
>;

export function summaryFromRow(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    desk: row.desk,
    genre: row.genre as Article['genre'],
    kicker: row.kicker,
    headline: row.headline,
    status: row.status as ArticleStatus,
    version: row.version,
    charCount: row.char_count,
    targetChars: row.target_chars,
    editionDate: row.edition_date,
    page: row.page,
    priority: row.priority,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    createdByName: row.created_by_name,
    bylineNames: row.byline_names ? row.byline_names.split(' ') : [],
  };
}

function fieldParams(fields: ArticleFields, derived: DerivedText) {
  return {
    slug: fields.slug,
    desk: fields.desk,
    genre: fields.genre,
    kicker: fields.kicker,
    headline: fields.headline,
    subheadline: fields.subheadline,
    bylines: JSON.stringify(fields.bylines),
    byline_names: derived.bylineNames,
    dateline: fields.dateline ? JSON.stringify(fields.dateline) : null,
    end_credit: fields.endCredit,
    abstract: fields.abstract,
    editors_note: fields.editorsNote,
    keywords: JSON.stringify(fields.keywords),
    target_chars: fields.targetChars,
    edition_date: fields.editionDate,
    page: fields.page,
    priority: fields.priority,
    body: JSON.stringify(fields.body),
    body_text: derived.bodyText,
    char_count: derived.charCount,
    cells: derived.cells,
    paragraph_count: derived.paragraphCount,
  };
}

export class ArticleRepository {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly groupVersionsStmt;
  private readonly getStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO articles (id, slug, desk, genre, kicker, headline, subheadline, bylines, byline_names, dateline,
        end_credit, abstract, editors_note, keywords, target_chars, edition_date, page, priority, status, body,
        body_text, char_count, cells, paragraph_count, version, created_at, created_by, updated_at, updated_by,
        headline_changed, body_changed, plan_changed)
       VALUES (@id, @slug, @desk, @genre, @kicker, @headline, @subheadline, @bylines, @byline_names, @dateline,
        @end_credit, @abstract, @editors_note, @keywords, @target_chars, @edition_date, @page, @priority, @status, @body,
        @body_text, @char_count, @cells, @paragraph_count, 1, @now, @user, @now, @user, 1, 1, 1)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE articles SET slug = @slug, desk = @desk, genre = @genre, kicker = @kicker, headline = @headline,
        subheadline = @subheadline, bylines = @bylines, byline_names = @byline_names, dateline = @dateline,
        end_credit = @end_credit, abstract = @abstract, editors_note = @editors_note, keywords = @keywords,
        target_chars = @target_chars, edition_date = @edition_date, page = @page, priority = @priority, body = @body,
        body_text = @body_text, char_count = @char_count, cells = @cells, paragraph_count = @paragraph_count,
        version = version + 1, updated_at = @now, updated_by = @user,
        headline_changed = CASE WHEN @headline_changed THEN version + 1 ELSE headline_changed END,
        body_changed = CASE WHEN @body_changed THEN version + 1 ELSE body_changed END,
        plan_changed = CASE WHEN @plan_changed THEN version + 1 ELSE plan_changed END
       WHERE id = @id AND version = @base_version`,
    );
    this.groupVersionsStmt = db.prepare('SELECT headline_changed AS headline, body_changed AS body, plan_changed AS plan FROM articles WHERE id = ?');
    this.getStmt = db.prepare(`${FULL_SELECT} WHERE a.id = ?`);
  }

  insert(input: { id: string; fields: ArticleFields; derived: DerivedText; status: ArticleStatus; userId: string; now: string }): void {
    this.insertStmt.run({
      id: input.id,
      ...fieldParams(input.fields, input.derived),
      status: input.status,
      now: input.now,
      user: input.userId,
    });
  }

  /** Returns false when the row moved on from baseVersion: the caller reports a conflict. */
  update(input: {
    id: string;
    baseVersion: number;
    fields: ArticleFields;
    derived: DerivedText;
    /** the parts whose values this save changes */
    changed: readonly EditGroup[];
    userId: string;
    now: string;
  }): boolean {
    const result = this.updateStmt.run({
      id: input.id,
      base_version: input.baseVersion,
      ...fieldParams(input.fields, input.derived),
      headline_changed: input.changed.includes('headline') ? 1 : 0,
      body_changed: input.changed.includes('body') ? 1 : 0,
      plan_changed: input.changed.includes('plan') ? 1 : 0,
      now: input.now,
      user: input.userId,
    });
    return result.changes === 1;
  }

  /** The version at which each part last changed; 0 for a story saved before that was recorded. */
  groupVersions(id: string): Record<EditGroup, number> | null {
    return (this.groupVersionsStmt.get(id) as Record<EditGroup, number> | undefined) ?? null;
  }

  get(id: string): Article | null {
    const row = this.getStmt.get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  setDeleted(id: string, baseVersion: number, deleted: { at: string; by: string } | null, userId: string): boolean {
    const now = new Date().toISOString();
    const result = this.db
      .prepare(
        `UPDATE articles SET deleted_at = ?, deleted_by = ?, version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ? AND version = ?`,
      )
      .run(deleted?.at ?? null, deleted?.by ?? null, now, userId, id, baseVersion);
    return result.changes === 1;
  }

  list(query: ArticleListQuery): { items: ArticleSummary[]; total: number } {
    const where: string[] = [query.trash ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (query.desk) {
      where.push('a.desk = ?');
      params.push(query.desk);
    }
    if (query.authorId) {
      where.push('a.created_by = ?');
      params.push(query.authorId);
    }
    if (query.editionDate) {
      where.push('a.edition_date = ?');
      params.push(query.editionDate);
    }
    const statuses = query.status ?? [];
    const index = query.trash ? null : listIndex(query.sort, statuses.length > 0, query.desk !== undefined);
    const from = index ? SUMMARY_SELECT.replace('FROM articles a', `FROM articles a INDEXED BY ${index}`) : SUMMARY_SELECT;
    const page = (filter: string[]) => `${from} WHERE ${filter.join(' AND ')} ORDER BY ${SORTS[query.sort]}`;
    let rows: ArticleRow[];
    if (statuses.length > 1) {
      // One branch a status, each read in index order and cut at the page's end, then merged:
      // an IN list would sort every story of those states first (tens of thousands in an archive).
      const branch = `SELECT * FROM (${page([...where, 'a.status = ?'])} LIMIT ?)`;
      const sql = `${statuses.map(() => branch).join(' UNION ALL ')} ORDER BY ${OUTER_SORTS[query.sort]} LIMIT ? OFFSET ?`;
      const args = statuses.flatMap((status) => [...params, status, query.offset + query.limit]);
      rows = this.db.prepare(sql).all(...args, query.limit, query.offset) as ArticleRow[];
    } else {
      const filter = statuses.length === 1 ? [...where, 'a.status = ?'] : where;
      rows = this.db.prepare(`${page(filter)} LIMIT ? OFFSET ?`).all(...params, ...statuses, query.limit, query.offset) as ArticleRow[];
    }
    return { items: rows.map(summaryFromRow), total: this.count(query, where, params) };
  }

  /** Live stories filtered by status and desk only are summed from article_counts (migration 009). */
  private count(query: ArticleListQuery, where: string[], params: unknown[]): number {
    const statuses = query.status ?? [];
    if (!query.trash && !query.authorId && !query.editionDate) {
      const filter = ['n > 0'];
      const args: unknown[] = [];
      if (statuses.length > 0) {
        filter.push(`status IN (${statuses.map(() => '?').join(',')})`);
        args.push(...statuses);
      }
      if (query.desk) {
        filter.push('desk = ?');
        args.push(query.desk);
      }
      return (this.db.prepare(`SELECT coalesce(sum(n), 0) AS n FROM article_counts WHERE ${filter.join(' AND ')}`).get(...args) as { n: number }).n;
    }
    const filter = statuses.length > 0 ? [...where, `a.status IN (${statuses.map(() => '?').join(',')})`] : where;
    return (this.db.prepare(`SELECT count(*) AS n FROM articles a WHERE ${filter.join(' AND ')}`).get(...params, ...statuses) as { n: number }).n;
  }

  insertRevision(input: { id: string; article: Article; reason: string; userId: string; now: string }): void {
    this.db
      .prepare(
        `INSERT INTO revisions (id, article_id, article_version, reason, snapshot, char_count, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.id, input.article.id, input.article.version, input.reason, JSON.stringify(input.article), input.article.charCount, input.now, input.userId);
  }

  lastRevisionAt(articleId: string): string | null {
    const row = this.db
      .prepare('SELECT max(created_at) AS at FROM revisions WHERE article_id = ?')
      .get(articleId) as { at: string | null };
    return row.at;
  }
}
