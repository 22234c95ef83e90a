import type { Store } from '../store/store';
import type { Article } from '../../../shared/domain/article';
import type { RevisionSummary } from '../../../shared/api/methods/revisions';

export interface StoredRevision {
  id: string;
  articleId: string;
  articleVersion: number;
  snapshot: Article;
}

interface RevisionRow {
  id: string;
  article_id: string;
  article_version: number;
  snapshot: string;
}

function toStored(row: RevisionRow): StoredRevision {
  return { id: row.id, articleId: row.article_id, articleVersion: row.article_version, snapshot: JSON.parse(row.snapshot) as Article };
}

/** Reads the append-only revisions table; ArticleRepository writes it, inside each save's transaction. */
export class RevisionRepository {
  constructor(private readonly store: Store) {}

  async list(articleId: string): Promise<RevisionSummary[]> {
    // UUIDv7 ids sort by creation time, so they break ties between revisions written in the same millisecond.
    return this.store.all<RevisionSummary>(
      `SELECT r.id, ROW_NUMBER() OVER (ORDER BY r.created_at, r.id) AS number, r.article_version AS "articleVersion",
              r.reason, r.created_at AS "createdAt", u.display_name AS "createdByName", r.char_count AS "charCount"
       FROM revisions r JOIN users u ON u.id = r.created_by
       WHERE r.article_id = ? ORDER BY r.created_at DESC, r.id DESC`,
      [articleId],
    );
  }

  /** 第 N 稿 by revision id, for everything that names a revision (the 审稿单's sign-offs). */
  async numbers(articleId: string): Promise<Map<string, number>> {
    const rows = await this.store.all<{ id: string; number: number }>('SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS number FROM revisions WHERE article_id = ?', [articleId]);
    return new Map(rows.map((r) => [r.id, r.number]));
  }

  async get(id: string): Promise<StoredRevision | null> {
    const row = await this.store.get<RevisionRow>('SELECT id, article_id, article_version, snapshot FROM revisions WHERE id = ?', [id]);
    return row ? toStored(row) : null;
  }

  async atVersion(articleId: string, version: number): Promise<StoredRevision | null> {
    const row = await this.store.get<RevisionRow>(
      `SELECT id, article_id, article_version, snapshot FROM revisions
       WHERE article_id = ? AND article_version = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
      [articleId, version],
    );
    return row ? toStored(row) : null;
  }
}
