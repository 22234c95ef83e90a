import type { Db } from '../db/connection';
import type { AppNotification } from '../../../shared/workflow/types';

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
  constructor(private readonly db: Db) {}

  insert(input: { id: string; userId: string; kind: string; title: string; body: string; articleId: string | null; at: string }): void {
    this.db
      .prepare('INSERT INTO notifications (id, user_id, kind, title, body, article_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.id, input.userId, input.kind, input.title, input.body, input.articleId, input.at);
  }

  list(userId: string, options: { unreadOnly: boolean; limit: number }): AppNotification[] {
    const rows = this.db
      .prepare(
        `SELECT id, kind, title, body, article_id, created_at, read_at FROM notifications
         WHERE user_id = ? ${options.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(userId, options.limit) as NotificationRow[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, articleId: r.article_id, createdAt: r.created_at, readAt: r.read_at }));
  }

  unreadCount(userId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;
  }

  /** Only the user's own rows: ids of someone else's notifications are ignored, not an error. */
  markRead(userId: string, ids: readonly string[] | null, at: string): number {
    if (ids === null) {
      return this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(at, userId).changes;
    }
    return this.db
      .prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))')
      .run(at, userId, JSON.stringify(ids)).changes;
  }
}
