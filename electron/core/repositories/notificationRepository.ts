import type { Store } from '../store/store';
import type { AppNotification } from '../../../shared/collaboration/types';

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  article_id: string | null;
  created_at: string;
  read_at: string | null;
}

export class NotificationRepository {
  constructor(private readonly store: Store) {}

  async insert(input: { id: string; userId: string; kind: string; title: string; body: string; articleId: string | null; at: string }): Promise<void> {
    await this.store.run('INSERT INTO notifications (id, user_id, kind, title, body, article_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      input.id,
      input.userId,
      input.kind,
      input.title,
      input.body,
      input.articleId,
      input.at,
    ]);
  }

  async list(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<AppNotification[]> {
    const rows = await this.store.all<NotificationRow>(
      `SELECT id, kind, title, body, article_id, created_at, read_at FROM notifications
       WHERE user_id = ? ${options.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [userId, options.limit],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, articleId: r.article_id, createdAt: r.created_at, readAt: r.read_at }));
  }

  async unreadCount(userId: string): Promise<number> {
    return (await this.store.get<{ n: number }>('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL', [userId]))!.n;
  }

  /** Only the user's own rows: ids of someone else's notifications are ignored, not an error. */
  async markRead(userId: string, ids: readonly string[] | null, at: string): Promise<number> {
    if (ids === null) {
      return this.store.run('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL', [at, userId]);
    }
    const listed = this.store.anyOf('id', ids);
    return this.store.run(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND ${listed.sql}`, [at, userId, listed.param]);
  }
}
