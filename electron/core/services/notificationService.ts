import type { Actor, CoreContext } from '../context';
import { newId } from '../../../shared/domain/ids';
import type { NotificationList } from '../../../shared/collaboration/types';

export interface NotificationDraft {
  kind: string;
  title: string;
  body: string;
  articleId?: string | null;
}

/** In-app notifications: stored per user, and pushed to that user's windows as they happen. */
export class NotificationService {
  constructor(private readonly ctx: CoreContext) {}

  /** Stores one notification per recipient (duplicates and the actor left out); each window hears of it after commit. */
  async notify(recipients: Iterable<string>, draft: NotificationDraft, options: { except?: string } = {}): Promise<void> {
    const at = new Date().toISOString();
    for (const userId of new Set(recipients)) {
      if (userId === options.except) continue;
      await this.ctx.repos.notifications.insert({ id: newId(), userId, kind: draft.kind, title: draft.title, body: draft.body, articleId: draft.articleId ?? null, at });
      this.ctx.emit({
        type: 'notification',
        userId,
        title: draft.title,
        body: draft.body,
        ...(draft.articleId ? { articleId: draft.articleId } : {}),
      });
    }
  }

  async list(actor: Actor, input: { unreadOnly: boolean; limit: number }): Promise<NotificationList> {
    return { items: await this.ctx.repos.notifications.list(actor.user.id, input), unread: await this.ctx.repos.notifications.unreadCount(actor.user.id) };
  }

  async markRead(actor: Actor, input: { ids?: string[] | undefined }): Promise<{ unread: number }> {
    await this.ctx.repos.notifications.markRead(actor.user.id, input.ids ?? null, new Date().toISOString());
    return { unread: await this.ctx.repos.notifications.unreadCount(actor.user.id) };
  }
}
