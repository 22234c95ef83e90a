import type { Store } from '../store/store';
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
  constructor(private readonly store: Store) {}

  async get(articleId: string, part: LockPart): Promise<LockRow | null> {
    const row = await this.store.get<RawLockRow>(`${SELECT} WHERE l.article_id = ? AND l.part = ?`, [articleId, part]);
    return row ? toLock(row) : null;
  }

  async ofArticle(articleId: string): Promise<LockRow[]> {
    return (await this.store.all<RawLockRow>(`${SELECT} WHERE l.article_id = ? ORDER BY l.part`, [articleId])).map(toLock);
  }

  async insert(input: { articleId: string; part: LockPart; userId: string; sessionHash: string; at: string }): Promise<void> {
    // No ON CONFLICT: a second holder must hit the primary key and fail.
    await this.store.run('INSERT INTO article_locks (article_id, part, user_id, session_hash, acquired_at, renewed_at) VALUES (?, ?, ?, ?, ?, ?)', [
      input.articleId,
      input.part,
      input.userId,
      input.sessionHash,
      input.at,
      input.at,
    ]);
  }

  async renew(articleId: string, part: LockPart, userId: string, sessionHash: string, at: string): Promise<boolean> {
    return (
      (await this.store.run('UPDATE article_locks SET renewed_at = ?, session_hash = ? WHERE article_id = ? AND part = ? AND user_id = ?', [
        at,
        sessionHash,
        articleId,
        part,
        userId,
      ])) === 1
    );
  }

  /** Deletes the row only if it is still the one the caller saw. */
  async delete(articleId: string, part: LockPart, userId: string): Promise<boolean> {
    return (await this.store.run('DELETE FROM article_locks WHERE article_id = ? AND part = ? AND user_id = ?', [articleId, part, userId])) === 1;
  }

  /**
   * When the story was last handed on (its latest workflow step), or null before its first. An
   * edit reopening a signed story hands nothing on: its writer is still at work on it.
   */
  async lastHandOver(articleId: string): Promise<string | null> {
    return (await this.store.get<{ at: string | null }>("SELECT max(at) AS at FROM workflow_history WHERE article_id = ? AND action <> 'reopen'", [articleId]))?.at ?? null;
  }

  async bySession(sessionHash: string): Promise<LockRow[]> {
    return (await this.store.all<RawLockRow>(`${SELECT} WHERE l.session_hash = ?`, [sessionHash])).map(toLock);
  }

  async byUser(userId: string): Promise<LockRow[]> {
    return (await this.store.all<RawLockRow>(`${SELECT} WHERE l.user_id = ?`, [userId])).map(toLock);
  }
}
