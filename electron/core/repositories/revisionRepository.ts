import type { Db } from '../db/connection';
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
  private readonly listStmt;
  private readonly getStmt;
  private readonly atVersionStmt;
  private readonly numbersStmt;

  constructor(db: Db) {
    // UUIDv7 ids sort by creation time, so they break ties between revisions written in the same millisecond.
    this.listStmt = db.prepare(
      `SELECT r.id, ROW_NUMBER() OVER (ORDER BY r.created_at, r.id) AS number, r.article_version AS articleVersion,
              r.reason, r.created_at AS createdAt, u.display_name AS createdByName, r.char_count AS charCount
       FROM revisions r JOIN users u ON u.id = r.created_by
       WHERE r.article_id = ? ORDER BY r.created_at DESC, r.id DESC`,
    );
    this.numbersStmt = db.prepare('SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS number FROM revisions WHERE article_id = ?');
    this.getStmt = db.prepare('SELECT id, article_id, article_version, snapshot FROM revisions WHERE id = ?');
    this.atVersionStmt = db.prepare(
      `SELECT id, article_id, article_version, snapshot FROM revisions
       WHERE article_id = ? AND article_version = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
  }

  list(articleId: string): RevisionSummary[] {
    return this.listStmt.all(articleId) as RevisionSummary[];
  }

  /** 第 N 稿 by revision id, for everything that names a revision (the 审稿单's sign-offs). */
  numbers(articleId: string): Map<string, number> {
    return new Map((this.numbersStmt.all(articleId) as { id: string; number: number }[]).map((r) => [r.id, r.number]));
  }

  get(id: string): StoredRevision | null {
    const row = this.getStmt.get(id) as RevisionRow | undefined;
    return row ? toStored(row) : null;
  }

  atVersion(articleId: string, version: number): StoredRevision | null {
    const row = this.atVersionStmt.get(articleId, version) as RevisionRow | undefined;
    return row ? toStored(row) : null;
  }
}
