import type { Store } from '../store/store';
import { ApiError } from '../../../shared/api/errors';
import type { Article, ArticleFields, ArticleStatus, ArticleSummary } from '../../../shared/domain/article';
import type { EditGroup } from '../../../shared/workflow/parts';
import type { DerivedText } from '../../../shared/article/fields';

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
  // Both stores fold ASCII case only (SQLite's lower() and NOCASE do); the rest is in code point order.
  headline: 'lower(a.headline) ASC, a.id ASC',
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

/** Column order of the article writes below, after the id: the fields, then what is derived from them. */
function fieldValues(fields: ArticleFields, derived: DerivedText): unknown[] {
  return [
    fields.slug,
    fields.desk,
    fields.genre,
    fields.kicker,
    fields.headline,
    fields.subheadline,
    JSON.stringify(fields.bylines),
    derived.bylineNames,
    fields.dateline ? JSON.stringify(fields.dateline) : null,
    fields.endCredit,
    fields.abstract,
    fields.editorsNote,
    JSON.stringify(fields.keywords),
    fields.targetChars,
    fields.editionDate,
    fields.page,
    fields.priority,
    JSON.stringify(fields.body),
    derived.bodyText,
    derived.charCount,
    derived.cells,
    derived.paragraphCount,
  ];
}

const FIELD_COLUMNS = `slug, desk, genre, kicker, headline, subheadline, bylines, byline_names, dateline, end_credit, abstract,
  editors_note, keywords, target_chars, edition_date, page, priority, body, body_text, char_count, cells, paragraph_count`;

const INSERT = `INSERT INTO articles (id, ${FIELD_COLUMNS}, status, version, created_at, created_by, updated_at, updated_by,
    headline_changed, body_changed, plan_changed)
  VALUES (?, ${FIELD_COLUMNS.split(',').map(() => '?').join(', ')}, ?, 1, ?, ?, ?, ?, 1, 1, 1)`;

const UPDATE = `UPDATE articles SET ${FIELD_COLUMNS.split(',')
  .map((column) => `${column.trim()} = ?`)
  .join(', ')},
    version = version + 1, updated_at = ?, updated_by = ?,
    headline_changed = CASE WHEN ? = 1 THEN version + 1 ELSE headline_changed END,
    body_changed = CASE WHEN ? = 1 THEN version + 1 ELSE body_changed END,
    plan_changed = CASE WHEN ? = 1 THEN version + 1 ELSE plan_changed END
  WHERE id = ? AND version = ?`;

export class ArticleRepository {
  constructor(private readonly store: Store) {}

  async insert(input: { id: string; fields: ArticleFields; derived: DerivedText; status: ArticleStatus; userId: string; now: string }): Promise<void> {
    await this.store.run(INSERT, [input.id, ...fieldValues(input.fields, input.derived), input.status, input.now, input.userId, input.now, input.userId]);
  }

  /** Returns false when the row moved on from baseVersion: the caller reports a conflict. */
  async update(input: {
    id: string;
    baseVersion: number;
    fields: ArticleFields;
    derived: DerivedText;
    /** the parts whose values this save changes */
    changed: readonly EditGroup[];
    userId: string;
    now: string;
  }): Promise<boolean> {
    const changes = await this.store.run(UPDATE, [
      ...fieldValues(input.fields, input.derived),
      input.now,
      input.userId,
      input.changed.includes('headline') ? 1 : 0,
      input.changed.includes('body') ? 1 : 0,
      input.changed.includes('plan') ? 1 : 0,
      input.id,
      input.baseVersion,
    ]);
    return changes === 1;
  }

  /** The version at which each part last changed; 0 for a story saved before that was recorded. */
  async groupVersions(id: string): Promise<Record<EditGroup, number> | null> {
    return (
      (await this.store.get<Record<EditGroup, number>>('SELECT headline_changed AS headline, body_changed AS body, plan_changed AS plan FROM articles WHERE id = ?', [id])) ??
      null
    );
  }

  async get(id: string): Promise<Article | null> {
    const row = await this.store.get<ArticleRow>(`${FULL_SELECT} WHERE a.id = ?`, [id]);
    return row ? toArticle(row) : null;
  }

  /** The story, or NOT_FOUND in the words a user reads; trashed stories only when asked for. */
  async require(id: string, options: { includeDeleted?: boolean } = {}): Promise<Article> {
    const article = await this.get(id);
    if (!article || (article.deletedAt && !options.includeDeleted)) {
      throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。');
    }
    return article;
  }

  async setDeleted(id: string, baseVersion: number, deleted: { at: string; by: string } | null, userId: string): Promise<boolean> {
    const now = new Date().toISOString();
    const changes = await this.store.run(
      `UPDATE articles SET deleted_at = ?, deleted_by = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE id = ? AND version = ?`,
      [deleted?.at ?? null, deleted?.by ?? null, now, userId, id, baseVersion],
    );
    return changes === 1;
  }

  async list(query: ArticleListQuery): Promise<{ items: ArticleSummary[]; total: number }> {
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
    const index = query.trash || this.store.dialect !== 'sqlite' ? null : listIndex(query.sort, statuses.length > 0, query.desk !== undefined);
    const from = index ? SUMMARY_SELECT.replace('FROM articles a', `FROM articles a INDEXED BY ${index}`) : SUMMARY_SELECT;
    const page = (filter: string[]) => `${from} WHERE ${filter.join(' AND ')} ORDER BY ${SORTS[query.sort]}`;
    let rows: ArticleRow[];
    if (statuses.length > 1) {
      // One branch a status, each read in index order and cut at the page's end, then merged:
      // an IN list would sort every story of those states first (tens of thousands in an archive).
      const branch = `SELECT * FROM (${page([...where, 'a.status = ?'])} LIMIT ?) b`;
      const text = `SELECT * FROM (${statuses.map(() => branch).join(' UNION ALL ')}) merged ORDER BY ${OUTER_SORTS[query.sort]} LIMIT ? OFFSET ?`;
      const args = statuses.flatMap((status) => [...params, status, query.offset + query.limit]);
      rows = await this.store.all<ArticleRow>(text, [...args, query.limit, query.offset]);
    } else {
      const filter = statuses.length === 1 ? [...where, 'a.status = ?'] : where;
      rows = await this.store.all<ArticleRow>(`${page(filter)} LIMIT ? OFFSET ?`, [...params, ...statuses, query.limit, query.offset]);
    }
    return { items: rows.map(summaryFromRow), total: await this.count(query, where, params) };
  }

  /** Live stories filtered by status and desk only are summed from article_counts (migration 009). */
  private async count(query: ArticleListQuery, where: string[], params: unknown[]): Promise<number> {
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
      return (await this.store.get<{ n: number }>(`SELECT coalesce(sum(n), 0) AS n FROM article_counts WHERE ${filter.join(' AND ')}`, args))!.n;
    }
    const filter = statuses.length > 0 ? [...where, `a.status IN (${statuses.map(() => '?').join(',')})`] : where;
    return (await this.store.get<{ n: number }>(`SELECT count(*) AS n FROM articles a WHERE ${filter.join(' AND ')}`, [...params, ...statuses]))!.n;
  }

  async insertRevision(input: { id: string; article: Article; reason: string; userId: string; now: string }): Promise<void> {
    await this.store.run(
      `INSERT INTO revisions (id, article_id, article_version, reason, snapshot, char_count, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.id, input.article.id, input.article.version, input.reason, JSON.stringify(input.article), input.article.charCount, input.now, input.userId],
    );
  }

  async lastRevisionAt(articleId: string): Promise<string | null> {
    const row = await this.store.get<{ at: string | null }>('SELECT max(created_at) AS at FROM revisions WHERE article_id = ?', [articleId]);
    return row?.at ?? null;
  }
}
