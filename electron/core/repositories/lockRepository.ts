import type { Db } from '../db/connection';
import type { Statement } from 'better-sqlite3';
import type { LockPart } from '../../../shared/workflow/parts';

export interface LockRow {
  articleId: string;
  part: LockPart;
  userId: string;
  userName: string;
  sessionHash: string;
  acquiredAt: string;
  renewedAt: string;
}

interface RawLockRow {
  article_id: string;
  part: string;
  user_id: string;
  user_name: string;
  session_hash: string;
  acquired_at: string;
  renewed_at: string;
}

const SELECT = `SELECT l.*, u.display_name AS user_name FROM article_locks l JOIN users u ON u.id = l.user_id`;

function toLock(row: RawLockRow): LockRow {
  return {
    articleId: row.article_id,
    part: row.part as LockPart,
    userId: row.user_id,
    userName: row.user_name,
    sessionHash: row.session_hash,
    acquiredAt: row.acquired_at,
    renewedAt: row.renewed_at,
  };
}

export class LockRepository {
  private readonly getStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly renewStmt: Statement;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare(`${SELECT} WHERE l.article_id = ? AND l.part = ?`);
    // No OR IGNORE / ON CONFLICT: a second holder must hit the primary key and fail.
    this.insertStmt = db.prepare(
      'INSERT INTO article_locks (article_id, part, user_id, session_hash, acquired_at, renewed_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.renewStmt = db.prepare('UPDATE article_locks SET renewed_at = ?, session_hash = ? WHERE article_id = ? AND part = ? AND user_id = ?');
  }

  get(articleId: string, part: LockPart): LockRow | null {
    const row = this.getStmt.get(articleId, part) as RawLockRow | undefined;
    return row ? toLock(row) : null;
  }

  ofArticle(articleId: string): LockRow[] {
    return (this.db.prepare(`${SELECT} WHERE l.article_id = ? ORDER BY l.part`).all(articleId) as RawLockRow[]).map(toLock);
  }

  insert(input: { articleId: string; part: LockPart; userId: string; sessionHash: string; at: string }): void {
    this.insertStmt.run(input.articleId, input.part, input.userId, input.sessionHash, input.at, input.at);
  }

  renew(articleId: string, part: LockPart, userId: string, sessionHash: string, at: string): boolean {
    return this.renewStmt.run(at, sessionHash, articleId, part, userId).changes === 1;
  }

  /** Deletes the row only if it is still the one the caller saw. */
  delete(articleId: string, part: LockPart, userId: string): boolean {
    return this.db.prepare('DELETE FROM article_locks WHERE article_id = ? AND part = ? AND user_id = ?').run(articleId, part, userId).changes === 1;
  }

  bySession(sessionHash: string): LockRow[] {
    return (this.db.prepare(`${SELECT} WHERE l.session_hash = ?`).all(sessionHash) as RawLockRow[]).map(toLock);
  }

  /**
   * When the story was last handed on (its latest workflow step), or null before its first. An
   * edit reopening a signed story hands nothing on: its writer is still at work on it.
   */
  lastHandOver(articleId: string): string | null {
    return (this.db.prepare("SELECT max(at) AS at FROM workflow_history WHERE article_id = ? AND action <> 'reopen'").get(articleId) as { at: string | null }).at;
  }

  byUser(userId: string): LockRow[] {
    return (this.db.prepare(`${SELECT} WHERE l.user_id = ?`).all(userId) as RawLockRow[]).map(toLock);
  }
}
