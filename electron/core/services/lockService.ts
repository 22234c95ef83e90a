import type { Actor, CoreContext } from '../context';
import type { ApiEvent } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import { newId } from '../../../shared/domain/ids';
import { deriveText } from '../../../shared/article/fields';
import { editRefusal, handedTo } from '../../../shared/workflow/machine';
import type { RoleCode } from '../../../shared/domain/roles';
import { LOCK_PARTS, PART_LABELS, type LockPart } from '../../../shared/workflow/parts';
import type { LockInfo } from '../../../shared/collaboration/types';
import type { LockRow } from '../repositories/lockRepository';
import type { AuditService } from './auditService';
import type { NotificationService } from './notificationService';
import { assertCanEdit, assertCanEditNow, requirePrivilege } from './permissions';

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
}

/**
 * Pessimistic locks on the two parts of a story (headline stack, body).
 *
 * A lock is free again when its holder releases it, closes the story or its
 * window, signs out, is disabled, or goes `lockIdleMinutes` without saving;
 * when the story is handed on (a workflow step frees the locks of whoever took
 * the step and of anyone who may no longer edit it, see `handOver`); and when
 * someone breaks it: with lock.force, or as the one the story has been handed
 * to, taking over a lock taken before the hand-over. What a broken lock
 * guarantees to the holder:
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
  constructor(
    private readonly ctx: CoreContext,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly now: () => number = Date.now,
  ) {}

  private get repo() {
    return this.ctx.repos.locks;
  }

  private article(id: string): Promise<Article> {
    return this.ctx.repos.articles.require(id);
  }

  private async idleMs(): Promise<number> {
    return (await this.ctx.repos.settings.workflow()).lockIdleMinutes * 60_000;
  }

  private isLive(lock: LockRow, idleMs: number): boolean {
    return Date.parse(lock.renewedAt) + idleMs > this.now();
  }

  private info(lock: LockRow, idleMs: number, handOverAt: string | null): LockInfo {
    return {
      articleId: lock.articleId,
      part: lock.part,
      userId: lock.userId,
      userName: lock.userName,
      acquiredAt: lock.acquiredAt,
      renewedAt: lock.renewedAt,
      expiresAt: new Date(Date.parse(lock.renewedAt) + idleMs).toISOString(),
      handedOver: handOverAt !== null && lock.acquiredAt < handOverAt,
    };
  }

  /** The lock as the API reports it, with whether it predates the story's last hand-over. */
  private async described(lock: LockRow, idleMs: number): Promise<LockInfo> {
    return this.info(lock, idleMs, await this.repo.lastHandOver(lock.articleId));
  }

  private async lockedError(lock: LockRow, idleMs: number): Promise<ApiError> {
    const info = await this.described(lock, idleMs);
    const way = info.handedOver ? '稿件已交到您手上，可以接手编辑；也可以请求对方解锁。' : '您可以请求对方解锁，或请有强制解锁权限的同事处理。';
    return new ApiError('LOCKED', `这篇稿件的${PART_LABELS[lock.part]}正由${lock.userName}编辑（${clockTime(lock.acquiredAt)}起）。${way}`, {
      details: { lock: info },
    });
  }

  private changed(lock: LockRow | null, articleId: string, part: LockPart, byUserId: string, forced: boolean, previousHolderId: string | null): ApiEvent {
    return { type: 'lock.changed', articleId, part, holderId: lock?.userId ?? null, holderName: lock?.userName ?? null, byUserId, forced, previousHolderId };
  }

  private async editableArticle(actor: Actor, articleId: string): Promise<Article> {
    const article = await this.article(articleId);
    assertCanEditNow(actor, article);
    return article;
  }

  /**
   * Takes a part. With `takeOver`, a live lock someone took before the story was handed to the
   * caller is broken as a force-unlock is (their text kept, they are told) and the part is the caller's.
   */
  acquire(actor: Actor, articleId: string, part: LockPart, takeOver = false): Promise<LockInfo> {
    return this.audit.guarded(actor, 'locks.acquire', { articleId, part, ...(takeOver ? { takeOver } : {}) }, () =>
      this.ctx.transaction(async () => {
        const article = await this.editableArticle(actor, articleId);
        const at = new Date(this.now()).toISOString();
        const idleMs = await this.idleMs();
        const existing = await this.repo.get(articleId, part);
        if (existing && existing.userId === actor.user.id) {
          await this.repo.renew(articleId, part, actor.user.id, actor.tokenHash, at);
          return this.described((await this.repo.get(articleId, part))!, idleMs);
        }
        if (existing && this.isLive(existing, idleMs)) {
          if (!takeOver) throw await this.lockedError(existing, idleMs);
          await this.assertHandedOver(actor, article, existing, idleMs);
          await this.breakLock(actor, article, existing, 'lock.takeover', idleMs);
        } else if (existing) {
          await this.repo.delete(articleId, part, existing.userId);
          await this.audit.record({ userId: existing.userId, action: 'lock.expired', targetType: 'article', targetId: articleId, details: { part, renewedAt: existing.renewedAt } });
        }
        await this.repo.insert({ articleId, part, userId: actor.user.id, sessionHash: actor.tokenHash, at });
        await this.audit.record({ userId: actor.user.id, action: 'lock.acquire', targetType: 'article', targetId: articleId, details: { part } });
        const lock = (await this.repo.get(articleId, part))!;
        this.ctx.emit(this.changed(lock, articleId, part, actor.user.id, false, existing?.userId ?? null));
        return this.described(lock, idleMs);
      }),
    );
  }

  /** Frees the caller's own locks on the story (both parts when none is named); freeing what one does not hold is a no-op. */
  release(actor: Actor, articleId: string, part?: LockPart): Promise<{ released: LockPart[] }> {
    return this.ctx.transaction(async () => {
      const released: LockPart[] = [];
      for (const p of part ? [part] : LOCK_PARTS) {
        if (!(await this.repo.delete(articleId, p, actor.user.id))) continue;
        released.push(p);
        await this.audit.record({ userId: actor.user.id, action: 'lock.release', targetType: 'article', targetId: articleId, details: { part: p } });
        this.ctx.emit(this.changed(null, articleId, p, actor.user.id, false, actor.user.id));
      }
      return { released };
    });
  }

  async status(articleId: string): Promise<LockInfo[]> {
    await this.article(articleId);
    const idleMs = await this.idleMs();
    const handOverAt = await this.repo.lastHandOver(articleId);
    return (await this.repo.ofArticle(articleId)).filter((l) => this.isLive(l, idleMs)).map((l) => this.info(l, idleMs, handOverAt));
  }

  /** Asks the holder, by a notification, to save and let go. */
  async request(actor: Actor, input: { articleId: string; part: LockPart; message?: string | undefined }): Promise<{ ok: true }> {
    const article = await this.article(input.articleId);
    await this.ctx.transaction(async () => {
      const lock = await this.repo.get(input.articleId, input.part);
      if (!lock || !this.isLive(lock, await this.idleMs())) throw new ApiError('CONFLICT', `这篇稿件的${PART_LABELS[input.part]}现在没有人锁定，可以直接编辑。`);
      if (lock.userId === actor.user.id) throw new ApiError('BAD_REQUEST', `这篇稿件的${PART_LABELS[input.part]}正由您自己锁定。`);
      const note = input.message ? `：“${input.message}”` : '。';
      await this.notifications.notify(
        [lock.userId],
        {
          kind: 'lock.request',
          title: `${actor.user.displayName}请求编辑《${article.headline}》的${PART_LABELS[input.part]}`,
          body: `${actor.user.displayName}想编辑这篇稿件的${PART_LABELS[input.part]}${note}保存并关闭稿件即可释放锁定。`,
          articleId: input.articleId,
        },
      );
      await this.audit.record({ userId: actor.user.id, action: 'lock.request', targetType: 'article', targetId: input.articleId, details: { part: input.part, holderId: lock.userId } });
    });
    return { ok: true };
  }

  forceRelease(actor: Actor, articleId: string, part: LockPart): Promise<{ holder: LockInfo; revisionId: string; articleVersion: number }> {
    return this.audit.guarded(actor, 'locks.forceRelease', { articleId, part }, async () => {
      requirePrivilege(actor, 'lock.force', '可以先请求对方解锁。');
      return this.ctx.transaction(async () => {
        const article = await this.article(articleId);
        const lock = await this.repo.get(articleId, part);
        if (!lock) throw new ApiError('CONFLICT', `这篇稿件的${PART_LABELS[part]}现在没有人锁定，无需解锁。`);
        return this.breakLock(actor, article, lock, 'lock.force_release', await this.idleMs());
      });
    });
  }

  private async assertHandedOver(actor: Actor, article: Article, lock: LockRow, idleMs: number): Promise<void> {
    if (!handedTo(article, { userId: actor.user.id, privileges: actor.privileges })) {
      throw new ApiError('FORBIDDEN', `这篇稿件现在不在您手上，不能接手${lock.userName}正在编辑的${PART_LABELS[lock.part]}。可以请求对方解锁。`);
    }
    const info = await this.described(lock, idleMs);
    if (!info.handedOver) {
      throw new ApiError('LOCKED', `${lock.userName}是在稿件交到您手上之后才开始编辑${PART_LABELS[lock.part]}的，不能直接接手。可以请求对方解锁。`, { details: { lock: info } });
    }
  }

  /**
   * Inside a transaction: frees someone else's lock so that nothing of theirs is lost — the text
   * they had saved is kept as a 'force-unlock' revision before anyone else can take the part, and
   * their window is told (it then keeps what it had not saved, see saveDisplaced).
   */
  private async breakLock(
    actor: Actor,
    article: Article,
    lock: LockRow,
    action: 'lock.force_release' | 'lock.takeover',
    idleMs: number,
  ): Promise<{ holder: LockInfo; revisionId: string; articleVersion: number }> {
    const holder = await this.described(lock, idleMs);
    const now = new Date(this.now()).toISOString();
    const revisionId = newId();
    await this.ctx.repos.articles.insertRevision({ id: revisionId, article, reason: 'force-unlock', userId: actor.user.id, now });
    await this.repo.delete(article.id, lock.part, lock.userId);
    await this.audit.record({
      userId: actor.user.id,
      action,
      targetType: 'article',
      targetId: article.id,
      details: { part: lock.part, holderId: lock.userId, holderName: lock.userName, revisionId, articleVersion: article.version },
    });
    if (lock.userId !== actor.user.id) {
      const how = action === 'lock.takeover' ? `已交到${actor.user.displayName}手上，由其接手编辑` : `已被${actor.user.displayName}强制解锁`;
      await this.notifications.notify([lock.userId], {
        kind: action === 'lock.takeover' ? 'lock.takeover' : 'lock.forced',
        title: `《${article.headline}》的${PART_LABELS[lock.part]}${how}`,
        body: `您最后保存的内容（版本 ${article.version}）已留作一稿；尚未保存的修改会自动另存为一稿，不会覆盖他人的修改。`,
        articleId: article.id,
      });
    }
    this.ctx.emit(this.changed(null, article.id, lock.part, actor.user.id, true, lock.userId));
    return { holder, revisionId, articleVersion: article.version };
  }

  /**
   * After a workflow step, inside its transaction: the story has been handed on. The locks of
   * whoever took the step are freed (the reporter who filed, the editor who passed 初审), and so are
   * those of anyone who may no longer edit the story in its new state. Other holders keep theirs
   * until the one the story now waits for takes the part over.
   */
  async handOver(actor: Actor, article: Article): Promise<void> {
    const rows: LockRow[] = [];
    for (const lock of await this.repo.ofArticle(article.id)) if (lock.userId === actor.user.id || !(await this.mayEdit(lock.userId, article))) rows.push(lock);
    await this.releaseRows(rows, actor.user.id, 'handed-on');
  }

  private async mayEdit(userId: string, article: Article): Promise<boolean> {
    const user = await this.ctx.repos.users.byId(userId);
    if (!user || user.disabled) return false;
    const privileges = new Set(await this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[]));
    if (editRefusal(article.status, privileges)) return false;
    return privileges.has('article.edit_any') || (privileges.has('article.edit_own') && article.createdBy === userId);
  }

  /**
   * Keeps edits a displaced holder had not saved, as a revision of the story
   * with the patch applied. The story itself is not changed.
   */
  saveDisplaced(actor: Actor, input: { articleId: string; patch: Partial<ArticleFields> }): Promise<{ revisionId: string; articleVersion: number }> {
    return this.audit.guarded(actor, 'locks.saveDisplaced', { articleId: input.articleId }, () =>
      this.ctx.transaction(async () => {
        const article = await this.article(input.articleId);
        assertCanEdit(actor, article);
        const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as Partial<ArticleFields>;
        if (Object.keys(patch).length === 0) throw new ApiError('VALIDATION', '没有需要另存的修改。', { field: 'patch' });
        const merged = { ...article, ...patch };
        const derived = deriveText(merged);
        const snapshot: Article = { ...merged, charCount: derived.charCount, cells: derived.cells, paragraphCount: derived.paragraphCount };
        const revisionId = newId();
        const now = new Date(this.now()).toISOString();
        await this.ctx.repos.articles.insertRevision({ id: revisionId, article: snapshot, reason: 'force-unlock-pending', userId: actor.user.id, now });
        await this.audit.record({
          userId: actor.user.id,
          action: 'lock.displaced_saved',
          targetType: 'article',
          targetId: input.articleId,
          details: { revisionId, articleVersion: article.version, fields: Object.keys(patch) },
        });
        return { revisionId, articleVersion: article.version };
      }),
    );
  }

  /**
   * For ArticleService.update, inside its transaction: refuses a change to a
   * part someone else holds, and keeps the caller's own lock alive.
   */
  async assertCanEdit(actor: Actor, articleId: string, parts: readonly LockPart[]): Promise<void> {
    const idleMs = await this.idleMs();
    const at = new Date(this.now()).toISOString();
    for (const part of parts) {
      const lock = await this.repo.get(articleId, part);
      if (!lock) continue;
      if (lock.userId === actor.user.id) await this.repo.renew(articleId, part, actor.user.id, actor.tokenHash, at);
      else if (this.isLive(lock, idleMs)) throw await this.lockedError(lock, idleMs);
    }
  }

  /** On sign-out: frees the locks taken in that session. */
  releaseSession(actor: Actor): Promise<number> {
    return this.ctx.transaction(async () => this.releaseRows(await this.repo.bySession(actor.tokenHash), actor.user.id, 'logout'));
  }

  /** Inside the caller's transaction (disabling a user). */
  async releaseUser(userId: string, byUserId: string, reason: string): Promise<number> {
    return this.releaseRows(await this.repo.byUser(userId), byUserId, reason);
  }

  private async releaseRows(rows: LockRow[], byUserId: string, reason: string): Promise<number> {
    for (const lock of rows) {
      await this.repo.delete(lock.articleId, lock.part, lock.userId);
      await this.audit.record({ userId: byUserId, action: 'lock.release', targetType: 'article', targetId: lock.articleId, details: { part: lock.part, holderId: lock.userId, reason } });
      this.ctx.emit(this.changed(null, lock.articleId, lock.part, byUserId, false, lock.userId));
    }
    return rows.length;
  }
}
