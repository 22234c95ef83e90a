import type { Actor, CoreContext } from '../context';
import type { ApiEvent } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import { newId } from '../../../shared/domain/ids';
import { editRefusal } from '../../../shared/workflow/machine';
import { LOCK_PARTS, PART_LABELS, type LockPart } from '../../../shared/workflow/parts';
import type { LockInfo } from '../../../shared/workflow/types';
import { LockRepository, type LockRow } from '../repositories/lockRepository';
import { ArticleService, deriveText } from './articleService';
import type { AuditService } from './auditService';
import { readWorkflowSettings } from './adminService';
import type { NotificationService } from './notificationService';

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
}

/**
 * Pessimistic locks on the two parts of a story (headline stack, body).
 *
 * A lock is free again when its holder releases it, closes the story, signs
 * out, is disabled, or goes `lockIdleMinutes` without saving; and when someone
 * with lock.force breaks it. What a forced release guarantees to the holder:
 *  1. everything the holder's window had saved (it autosaves ~1.2 s after the
 *     last keystroke) is kept as a revision marked 'force-unlock', written in
 *     the same transaction that frees the lock, before anyone else can take it;
 *  2. the holder is told at once (a `lock.changed` event with forced=true and a
 *     notification); their window then sends what it had not yet saved to
 *     `locks.saveDisplaced`, which keeps it as a revision marked
 *     'force-unlock-pending' without touching the story, so it can never
 *     overwrite the new holder's work and is never silently dropped;
 *  3. if the holder's window is gone (crash, network), text typed after its
 *     last autosave exists only in that window's local draft backup, which is
 *     offered back when the story is next opened there.
 */
export class LockService {
  private readonly repo: LockRepository;

  constructor(
    private readonly ctx: CoreContext,
    private readonly articles: ArticleService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new LockRepository(ctx.db);
  }

  private idleMs(): number {
    return readWorkflowSettings(this.ctx).lockIdleMinutes * 60_000;
  }

  private isLive(lock: LockRow, idleMs = this.idleMs()): boolean {
    return Date.parse(lock.renewedAt) + idleMs > this.now();
  }

  private info(lock: LockRow, idleMs = this.idleMs()): LockInfo {
    return {
      articleId: lock.articleId,
      part: lock.part,
      userId: lock.userId,
      userName: lock.userName,
      acquiredAt: lock.acquiredAt,
      renewedAt: lock.renewedAt,
      expiresAt: new Date(Date.parse(lock.renewedAt) + idleMs).toISOString(),
    };
  }

  private lockedError(lock: LockRow): ApiError {
    return new ApiError(
      'LOCKED',
      `这篇稿件的${PART_LABELS[lock.part]}正由${lock.userName}编辑（${clockTime(lock.acquiredAt)}起）。您可以请求对方解锁，或请有强制解锁权限的同事处理。`,
      { details: { lock: this.info(lock) } },
    );
  }

  private changed(lock: LockRow | null, articleId: string, part: LockPart, byUserId: string, forced: boolean, previousHolderId: string | null): ApiEvent {
    return { type: 'lock.changed', articleId, part, holderId: lock?.userId ?? null, holderName: lock?.userName ?? null, byUserId, forced, previousHolderId };
  }

  private emitAll(outbox: ApiEvent[]): void {
    for (const event of outbox) this.ctx.emit(event);
  }

  private guarded<T>(actor: Actor, method: string, details: Record<string, unknown>, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof ApiError) this.audit.refused(actor, method, error, details);
      throw error;
    }
  }

  private editableArticle(actor: Actor, articleId: string): Article {
    const article = this.articles.get(articleId);
    this.articles.assertCanEdit(actor, article);
    const refusal = editRefusal(article.status, actor.privileges);
    if (refusal) throw new ApiError(refusal.code, refusal.message);
    return article;
  }

  acquire(actor: Actor, articleId: string, part: LockPart): LockInfo {
    return this.guarded(actor, 'locks.acquire', { articleId, part }, () => {
      const outbox: ApiEvent[] = [];
      const result = this.ctx.db.transaction(() => {
        this.editableArticle(actor, articleId);
        const at = new Date(this.now()).toISOString();
        const existing = this.repo.get(articleId, part);
        if (existing && existing.userId === actor.user.id) {
          this.repo.renew(articleId, part, actor.user.id, actor.tokenHash, at);
          return this.info(this.repo.get(articleId, part)!);
        }
        if (existing && this.isLive(existing)) throw this.lockedError(existing);
        if (existing) {
          this.repo.delete(articleId, part, existing.userId);
          this.audit.record({ userId: existing.userId, action: 'lock.expired', targetType: 'article', targetId: articleId, details: { part, renewedAt: existing.renewedAt } });
        }
        this.repo.insert({ articleId, part, userId: actor.user.id, sessionHash: actor.tokenHash, at });
        this.audit.record({ userId: actor.user.id, action: 'lock.acquire', targetType: 'article', targetId: articleId, details: { part } });
        const lock = this.repo.get(articleId, part)!;
        outbox.push(this.changed(lock, articleId, part, actor.user.id, false, existing?.userId ?? null));
        return this.info(lock);
      }).immediate();
      this.emitAll(outbox);
      return result;
    });
  }

  /** Frees the caller's own locks on the story (both parts when none is named); freeing what one does not hold is a no-op. */
  release(actor: Actor, articleId: string, part?: LockPart): { released: LockPart[] } {
    const outbox: ApiEvent[] = [];
    const released = this.ctx.db.transaction(() => {
      const freed: LockPart[] = [];
      for (const p of part ? [part] : LOCK_PARTS) {
        if (!this.repo.delete(articleId, p, actor.user.id)) continue;
        freed.push(p);
        this.audit.record({ userId: actor.user.id, action: 'lock.release', targetType: 'article', targetId: articleId, details: { part: p } });
        outbox.push(this.changed(null, articleId, p, actor.user.id, false, actor.user.id));
      }
      return freed;
    }).immediate();
    this.emitAll(outbox);
    return { released };
  }

  status(articleId: string): LockInfo[] {
    this.articles.get(articleId);
    const idleMs = this.idleMs();
    return this.repo.ofArticle(articleId).filter((l) => this.isLive(l, idleMs)).map((l) => this.info(l, idleMs));
  }

  /** Asks the holder, by a notification, to save and let go. */
  request(actor: Actor, input: { articleId: string; part: LockPart; message?: string | undefined }): { ok: true } {
    const article = this.articles.get(input.articleId);
    const outbox: ApiEvent[] = [];
    this.ctx.db.transaction(() => {
      const lock = this.repo.get(input.articleId, input.part);
      if (!lock || !this.isLive(lock)) throw new ApiError('CONFLICT', `这篇稿件的${PART_LABELS[input.part]}现在没有人锁定，可以直接编辑。`);
      if (lock.userId === actor.user.id) throw new ApiError('BAD_REQUEST', `这篇稿件的${PART_LABELS[input.part]}正由您自己锁定。`);
      const note = input.message ? `：“${input.message}”` : '。';
      this.notifications.notify(
        [lock.userId],
        {
          kind: 'lock.request',
          title: `${actor.user.displayName}请求编辑《${article.headline}》的${PART_LABELS[input.part]}`,
          body: `${actor.user.displayName}想编辑这篇稿件的${PART_LABELS[input.part]}${note}保存并关闭稿件即可释放锁定。`,
          articleId: input.articleId,
        },
        { outbox },
      );
      this.audit.record({ userId: actor.user.id, action: 'lock.request', targetType: 'article', targetId: input.articleId, details: { part: input.part, holderId: lock.userId } });
    }).immediate();
    this.emitAll(outbox);
    return { ok: true };
  }

  forceRelease(actor: Actor, articleId: string, part: LockPart): { holder: LockInfo; revisionId: string; articleVersion: number } {
    return this.guarded(actor, 'locks.forceRelease', { articleId, part }, () => {
      if (!actor.privileges.has('lock.force')) {
        throw new ApiError('FORBIDDEN', '您的账号没有“强制解锁”权限。可以先请求对方解锁。');
      }
      const outbox: ApiEvent[] = [];
      const result = this.ctx.db.transaction(() => {
        const article = this.articles.get(articleId);
        const lock = this.repo.get(articleId, part);
        if (!lock) throw new ApiError('CONFLICT', `这篇稿件的${PART_LABELS[part]}现在没有人锁定，无需解锁。`);
        const holder = this.info(lock);
        const now = new Date(this.now()).toISOString();
        const revisionId = newId();
        this.ctx.repos.articles.insertRevision({ id: revisionId, article, reason: 'force-unlock', userId: actor.user.id, now });
        this.repo.delete(articleId, part, lock.userId);
        this.audit.record({
          userId: actor.user.id,
          action: 'lock.force_release',
          targetType: 'article',
          targetId: articleId,
          details: { part, holderId: lock.userId, holderName: lock.userName, revisionId, articleVersion: article.version },
        });
        if (lock.userId !== actor.user.id) {
          this.notifications.notify(
            [lock.userId],
            {
              kind: 'lock.forced',
              title: `《${article.headline}》的${PART_LABELS[part]}已被${actor.user.displayName}强制解锁`,
              body: `您最后保存的内容（版本 ${article.version}）已留作一稿；尚未保存的修改会自动另存为一稿，不会覆盖他人的修改。`,
              articleId,
            },
            { outbox },
          );
        }
        outbox.push(this.changed(null, articleId, part, actor.user.id, true, lock.userId));
        return { holder, revisionId, articleVersion: article.version };
      }).immediate();
      this.emitAll(outbox);
      return result;
    });
  }

  /**
   * Keeps edits a displaced holder had not saved, as a revision of the story
   * with the patch applied. The story itself is not changed.
   */
  saveDisplaced(actor: Actor, input: { articleId: string; patch: Partial<ArticleFields> }): { revisionId: string; articleVersion: number } {
    return this.guarded(actor, 'locks.saveDisplaced', { articleId: input.articleId }, () =>
      this.ctx.db.transaction(() => {
        const article = this.articles.get(input.articleId);
        this.articles.assertCanEdit(actor, article);
        const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as Partial<ArticleFields>;
        if (Object.keys(patch).length === 0) throw new ApiError('VALIDATION', '没有需要另存的修改。', { field: 'patch' });
        const merged = { ...article, ...patch };
        const derived = deriveText(merged);
        const snapshot: Article = { ...merged, charCount: derived.charCount, cells: derived.cells, paragraphCount: derived.paragraphCount };
        const revisionId = newId();
        const now = new Date(this.now()).toISOString();
        this.ctx.repos.articles.insertRevision({ id: revisionId, article: snapshot, reason: 'force-unlock-pending', userId: actor.user.id, now });
        this.audit.record({
          userId: actor.user.id,
          action: 'lock.displaced_saved',
          targetType: 'article',
          targetId: input.articleId,
          details: { revisionId, articleVersion: article.version, fields: Object.keys(patch) },
        });
        return { revisionId, articleVersion: article.version };
      }).immediate(),
    );
  }

  /**
   * For ArticleService.update, inside its transaction: refuses a change to a
   * part someone else holds, and keeps the caller's own lock alive.
   */
  assertCanEdit(actor: Actor, articleId: string, parts: readonly LockPart[]): void {
    const idleMs = this.idleMs();
    const at = new Date(this.now()).toISOString();
    for (const part of parts) {
      const lock = this.repo.get(articleId, part);
      if (!lock) continue;
      if (lock.userId === actor.user.id) this.repo.renew(articleId, part, actor.user.id, actor.tokenHash, at);
      else if (this.isLive(lock, idleMs)) throw this.lockedError(lock);
    }
  }

  /** On sign-out: frees the locks taken in that session. */
  releaseSession(actor: Actor): number {
    const outbox: ApiEvent[] = [];
    const count = this.ctx.db.transaction(() => this.releaseRows(this.repo.bySession(actor.tokenHash), actor.user.id, 'logout', outbox)).immediate();
    this.emitAll(outbox);
    return count;
  }

  /** Inside the caller's transaction (disabling a user); events go to `outbox`. */
  releaseUser(userId: string, byUserId: string, reason: string, outbox: ApiEvent[]): number {
    return this.releaseRows(this.repo.byUser(userId), byUserId, reason, outbox);
  }

  private releaseRows(rows: LockRow[], byUserId: string, reason: string, outbox: ApiEvent[]): number {
    for (const lock of rows) {
      this.repo.delete(lock.articleId, lock.part, lock.userId);
      this.audit.record({ userId: byUserId, action: 'lock.release', targetType: 'article', targetId: lock.articleId, details: { part: lock.part, holderId: lock.userId, reason } });
      outbox.push(this.changed(null, lock.articleId, lock.part, byUserId, false, lock.userId));
    }
    return rows.length;
  }
}
