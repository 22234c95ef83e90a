import type { ArticleStatus } from '../domain/article';
import type { LockPart } from '../workflow/parts';

/** `password`: the password was changed or reset, which ends the account's other sessions. */
export type SessionEndReason = 'logout' | 'expired' | 'disabled' | 'password';

/**
 * Pushed from the main side to renderers. Events carry ids and versions, not
 * content: a client refetches what it shows, through the permission checks.
 */
export type ApiEvent =
  | { type: 'article.changed'; articleId: string; version: number; byUserId: string }
  | { type: 'article.deleted'; articleId: string; byUserId: string }
  /** Some of the user's sessions ended; it reaches only the windows of those sessions (see `reaches`). */
  | { type: 'session.ended'; userId: string; reason: SessionEndReason }
  | { type: 'notification'; userId: string; title: string; body: string; articleId?: string }
  | {
      type: 'lock.changed';
      articleId: string;
      part: LockPart;
      /** The new holder, or null when the part is free. */
      holderId: string | null;
      holderName: string | null;
      byUserId: string;
      /** Broken by someone with lock.force: the previous holder's window saves what it had not yet saved. */
      forced: boolean;
      previousHolderId: string | null;
    }
  | { type: 'comment.changed'; articleId: string; byUserId: string }
  | { type: 'article.status'; articleId: string; status: ArticleStatus; version: number; action: string; byUserId: string }
  /** A page, slot or 签版 of this edition changed: boards showing it refetch. */
  | { type: 'layout.changed'; editionId: string; byUserId: string }
  /** A photo's caption, credit, crops or uses changed; `articleId` names the story whose photos changed. */
  | { type: 'photo.changed'; photoId: string; articleId: string | null; byUserId: string }
  /**
   * Events may have been missed (this client's stream, or its server's line to the other server
   * processes, was down and is back): whatever is on screen refetches.
   */
  | { type: 'events.resumed' };

/** Events addressed to one user carry `userId`; the rest go to every signed-in client. */
export function eventAudience(event: ApiEvent): string | null {
  return event.type === 'notification' || event.type === 'session.ended' ? event.userId : null;
}

/**
 * Whether an event goes to a window (or event stream) of a session of `userId`, `live` or ended.
 * A live session gets what is addressed to everyone or to its user; an ended one gets only its user's
 * `session.ended`, so ending some of a user's sessions (a password change) leaves the others signed in.
 */
export function reaches(event: ApiEvent, session: { userId: string; live: boolean }): boolean {
  if (event.type === 'session.ended') return !session.live && event.userId === session.userId;
  if (!session.live) return false;
  const audience = eventAudience(event);
  return audience === null || audience === session.userId;
}
