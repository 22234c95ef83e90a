import type { Actor, CoreContext } from '../context';
import type { ApiEvent } from '../../../shared/api/events';
import { newId } from '../../../shared/domain/ids';
import type { NotificationList } from '../../../shared/workflow/types';
import { NotificationRepository } from '../repositories/notificationRepository';

export interface NotificationDraft {
  kind: string;
  title: string;
  body: string;
  articleId?: string | null;
}

/** In-app notifications: stored per user, and pushed to that user's windows as they happen. */
export class NotificationService {
  private readonly repo: NotificationRepository;

  constructor(ctx: CoreContext) {
    this.repo = new NotificationRepository(ctx.db);
  }

  /**
   * Stores one notification per recipient (duplicates and the actor left out).
   * Events go to `outbox`, so a caller inside a transaction pushes them only after it commits.
   */
  notify(recipients: Iterable<string>, draft: NotificationDraft, options: { except?: string; outbox: ApiEvent[] }): void {
    const at = new Date().toISOString();
    for (const userId of new Set(recipients)) {
      if (userId === options.except) continue;
      this.repo.insert({ id: newId(), userId, kind: draft.kind, title: draft.title, body: draft.body, articleId: draft.articleId ?? null, at });
      options.outbox.push({
        type: 'notification',
        userId,
        title: draft.title,
        body: draft.body,
        ...(draft.articleId ? { articleId: draft.articleId } : {}),
      });
    }
  }

  list(actor: Actor, input: { unreadOnly: boolean; limit: number }): NotificationList {
    return { items: this.repo.list(actor.user.id, input), unread: this.repo.unreadCount(actor.user.id) };
  }

  markRead(actor: Actor, input: { ids?: string[] | undefined }): { unread: number } {
    this.repo.markRead(actor.user.id, input.ids ?? null, new Date().toISOString());
    return { unread: this.repo.unreadCount(actor.user.id) };
  }
}
