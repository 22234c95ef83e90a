import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Article, ArticleStatus } from '../../../shared/domain/article';
import { newId } from '../../../shared/domain/ids';
import {
  ACTION_LABELS,
  SIGNED_STATES,
  SIGNOFF_KINDS,
  SIGNOFF_LABELS,
  SIGNOFF_LEVEL,
  STATUS_LABELS,
  WAITING_LEVEL,
  WAITING_PRIVILEGE,
  decide,
  rulesFrom,
  type Decision,
  type DecisionInput,
  type SignoffKind,
  type TransitionRule,
} from '../../../shared/workflow/machine';
import { contentChanged, type LockPart } from '../../../shared/workflow/parts';
import type { ActionOption, DeskOverview, QueueItem, QueueResult, ReviewSheet, Signoff } from '../../../shared/workflow/types';
import type { WorkflowSettings } from '../../../shared/administration/types';
import type { WorkflowSummary } from '../repositories/workflowRepository';
import type { AuditService } from './auditService';
import { staleVersion } from './conflicts';
import type { LockService } from './lockService';
import type { NotificationService } from './notificationService';
import { assertCanEditNow } from './permissions';

/**
 * Runs inside the transaction just before a 签发 is recorded; throwing an
 * ApiError refuses it and nothing is written (the proofreading gate plugs in here).
 */
export type SignGate = (actor: Actor, article: Article) => Promise<void>;

/** How many stories of one state a queue shows; the desk overview has the full counts. */
const QUEUE_LIMIT_PER_STATE = 200;

/** Sign-offs an edit after 签发 voids: the story needs 签发 (and then 签版) again; 初审 to 终审 stand. */
const VOIDED_BY_REOPEN: readonly SignoffKind[] = ['sign', 'page_sign'];

/** What decide() needs besides the state: the standing sign-offs, and who has opened the story. */
type StoryFacts = Pick<DecisionInput, 'signoffs' | 'seen' | 'openedBy'>;

function refusalError(decision: Exclude<Decision, { ok: true }>): ApiError {
  switch (decision.kind) {
    case 'state':
    case 'unread':
    case 'opened':
      return new ApiError('CONFLICT', decision.message);
    case 'reason':
      return new ApiError('VALIDATION', decision.message, { field: 'reason' });
    default:
      return new ApiError('FORBIDDEN', decision.message);
  }
}

function versionConflict(current: Article, baseVersion: number, label: string): ApiError {
  return staleVersion('这篇稿件', { byName: current.updatedByName, version: current.version, seenVersion: baseVersion }, `请刷新、看过最新内容后再${label}。`, {
    current,
  });
}

/**
 * 三审三校: every status change goes through `transition`, checked against the
 * table in shared/workflow/machine.ts (state, privilege, reason, separation of
 * duties) and recorded as a revision, a history step, a sign-off where the
 * step is one, audit rows and notifications — all in one transaction.
 */
export class WorkflowService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly locks: LockService,
    private readonly signGate: SignGate,
  ) {}

  private get repo() {
    return this.ctx.repos.workflow;
  }

  private article(id: string, options?: { includeDeleted?: boolean }): Promise<Article> {
    return this.ctx.repos.articles.require(id, options);
  }

  private settings(): Promise<WorkflowSettings> {
    return this.ctx.repos.settings.workflow();
  }

  /** The steps of a story's own workflow (the page's steps are on the layout board), each with why not. */
  private options(actor: Actor, article: { status: ArticleStatus; createdBy: string }, facts: StoryFacts, allowSameReviewer: boolean): ActionOption[] {
    return rulesFrom(article.status)
      .filter((rule) => !rule.byPage)
      .map((rule) => {
        const decision = decide({ action: rule.action, article, actor: { userId: actor.user.id, privileges: actor.privileges }, ...facts, allowSameReviewer });
        // The reason is asked for when the button is pressed; its absence here is no refusal.
        const allowed = decision.ok || decision.kind === 'reason';
        const readFirst = !decision.ok && decision.kind === 'unread';
        return { action: rule.action, label: ACTION_LABELS[rule.action], needsReason: rule.needsReason, allowed, refusal: allowed || decision.ok ? null : decision.message, readFirst };
      });
  }

  /** What the machine needs to know about the story beyond its state, for this actor. */
  private async facts(actor: Actor, articleId: string): Promise<StoryFacts> {
    return {
      signoffs: await this.repo.liveSignoffs(articleId),
      seen: (await this.repo.seenBy(actor.user.id, [articleId])).has(articleId),
      openedBy: (await this.repo.openedSinceFiled([articleId])).get(articleId) ?? null,
    };
  }

  /** The steps the current user could take on the story now, each with the reason when not. */
  async actions(actor: Actor, articleId: string): Promise<{ status: ArticleStatus; version: number; options: ActionOption[] }> {
    const article = await this.article(articleId);
    const facts = await this.facts(actor, articleId);
    return { status: article.status, version: article.version, options: this.options(actor, article, facts, (await this.settings()).allowSameReviewer) };
  }

  /**
   * The user has the story on screen at `version` (the editor reports it when it shows a
   * version): the evidence an approval needs, and what ends the author's chance to 撤回.
   */
  async opened(actor: Actor, articleId: string, version: number): Promise<{ ok: true }> {
    const article = await this.article(articleId);
    if (version > article.version) throw new ApiError('VALIDATION', `这篇稿件现为版本 ${article.version}，没有版本 ${version}。`, { field: 'version' });
    await this.repo.recordRead(articleId, actor.user.id, version, new Date().toISOString());
    return { ok: true };
  }

  /**
   * A status change of a story. The page's steps (签版, 撤销签版, 付印) come only from the layout
   * board (`via: 'page'`), which checks the page first.
   */
  transition(actor: Actor, input: ParsedInputOf<'workflow.transition'>, via: 'desk' | 'page' = 'desk'): Promise<Article> {
    return this.audit.guarded(actor, 'workflow.transition', { articleId: input.articleId, action: input.action }, () =>
      this.ctx.transaction(async () => {
        const article = await this.article(input.articleId);
        const settings = await this.settings();
        const reason = input.reason?.trim() || undefined;
        const decision = decide({
          action: input.action,
          article,
          actor: { userId: actor.user.id, privileges: actor.privileges },
          ...(await this.facts(actor, article.id)),
          allowSameReviewer: settings.allowSameReviewer,
          reason,
        });
        if (!decision.ok) throw refusalError(decision);
        const { rule } = decision;
        if (rule.byPage && via !== 'page') {
          throw new ApiError('CONFLICT', `“${ACTION_LABELS[rule.action]}”是整个版面的一步，请在版面上操作：那里会先核对版面。`);
        }
        if (article.version !== input.baseVersion) throw versionConflict(article, input.baseVersion, ACTION_LABELS[rule.action]);
        if (rule.signoffs.includes('sign')) await this.signGate(actor, article);
        // 已上版 means on a page: the layout service places a story by putting it in a slot.
        if (rule.action === 'place' && !(await this.repo.onAPage(article.id))) {
          throw new ApiError('CONFLICT', `《${article.headline}》还没有放到版面上：请用“上版”选定期次、版面和稿位。`);
        }
        return this.apply(actor, article, rule, reason ?? null, settings);
      }),
    );
  }

  /** Inside a transaction: the status change and everything that records it. */
  private async apply(actor: Actor, article: Article, rule: TransitionRule | { action: 'reopen'; to: ArticleStatus; signoffs: readonly [] }, reason: string | null, settings: WorkflowSettings): Promise<Article> {
    const now = new Date().toISOString();
    if (!(await this.repo.setStatus(article.id, article.version, rule.to, actor.user.id, now))) {
      throw versionConflict(await this.article(article.id), article.version, ACTION_LABELS[rule.action]);
    }
    // Exactly the row just written; reading it back would parse the whole body again.
    const saved: Article = { ...article, status: rule.to, version: article.version + 1, updatedAt: now, updatedBy: actor.user.id, updatedByName: actor.user.displayName };
    const revisionId = newId();
    await this.ctx.repos.articles.insertRevision({ id: revisionId, article: saved, reason: 'status', userId: actor.user.id, now });
    await this.repo.insertHistory(newId(), {
      articleId: article.id,
      action: rule.action,
      from: article.status,
      to: rule.to,
      userId: actor.user.id,
      at: now,
      reason,
      revisionId,
      articleVersion: saved.version,
    });
    const auditTarget = { targetType: 'article', targetId: article.id } as const;
    await this.audit.record({
      userId: actor.user.id,
      action: rule.action === 'reopen' ? 'workflow.reopen' : 'workflow.transition',
      ...auditTarget,
      details: { action: rule.action, from: article.status, to: rule.to, ...(reason ? { reason } : {}), revisionId, version: saved.version },
    });
    for (const kind of rule.signoffs) {
      await this.repo.insertSignoff(newId(), { articleId: article.id, kind, userId: actor.user.id, at: now, revisionId, articleVersion: saved.version });
      await this.audit.record({ userId: actor.user.id, action: 'workflow.signoff', ...auditTarget, details: { kind, revisionId, version: saved.version } });
    }
    // Handed on: the locks of whoever took the step, and of anyone who may no longer edit it, go.
    if (rule.action !== 'reopen') await this.locks.handOver(actor, saved);
    if (rule.to === 'draft' || rule.to === 'spiked') {
      await this.repo.supersede(article.id, null, now, `${ACTION_LABELS[rule.action]}：${reason ?? ''}`);
    } else if (rule.action === 'reopen') {
      await this.repo.supersede(article.id, VOIDED_BY_REOPEN, now, ACTION_LABELS.reopen);
    } else if (rule.action === 'unsignPage') {
      await this.repo.supersede(article.id, ['page_sign'], now, `${ACTION_LABELS.unsignPage}：${reason ?? ''}`);
    }
    await this.notifyStep(actor, saved, rule.action, reason, settings);
    this.ctx.emit({ type: 'article.changed', articleId: saved.id, version: saved.version, byUserId: actor.user.id });
    this.ctx.emit({ type: 'article.status', articleId: saved.id, status: saved.status, version: saved.version, action: rule.action, byUserId: actor.user.id });
    return saved;
  }

  /** Who the step lands on: the author when it goes back to them, else everyone who may take the next step. */
  private async notifyStep(actor: Actor, article: Article, action: TransitionRule['action'] | 'reopen', reason: string | null, settings: WorkflowSettings): Promise<void> {
    const title = `《${article.headline}》`;
    const options = { except: actor.user.id };
    if (action === 'withdraw') {
      await this.notifications.notify(
        (await this.ctx.repos.admin.activeHolders('workflow.review1')).filter((id) => id !== article.createdBy),
        { kind: 'workflow.withdraw', title: `${title}已被作者撤回`, body: `${actor.user.displayName}撤回了这篇稿件，修改后会重新交稿，现在不必审。`, articleId: article.id },
        options,
      );
      return;
    }
    if (article.status === 'draft' || article.status === 'spiked') {
      const what = action === 'return' ? '被退回' : action === 'spike' ? '已撤稿' : '已恢复为草稿';
      await this.notifications.notify(
        [article.createdBy],
        { kind: `workflow.${action}`, title: `您的稿件${title}${what}`, body: `${actor.user.displayName}${ACTION_LABELS[action]}了这篇稿件${reason ? `，理由：${reason}` : '。'}`, articleId: article.id },
        options,
      );
      return;
    }
    const privilege = WAITING_PRIVILEGE[article.status];
    if (!privilege) return;
    let recipients = await this.ctx.repos.admin.activeHolders(privilege);
    const level = WAITING_LEVEL[article.status];
    if (level && !settings.allowSameReviewer) {
      const barred = new Set([article.createdBy, ...(await this.repo.liveSignoffs(article.id)).filter((s) => SIGNOFF_LEVEL[s.kind] !== null && SIGNOFF_LEVEL[s.kind] !== level).map((s) => s.userId)]);
      recipients = recipients.filter((id) => !barred.has(id));
    }
    const next = rulesFrom(article.status).find((r) => r.privilege === privilege && r.action !== 'return' && r.action !== 'spike');
    await this.notifications.notify(
      recipients,
      {
        kind: 'workflow.queue',
        title: `${title}等待${next ? ACTION_LABELS[next.action] : '处理'}`,
        body: `${actor.user.displayName}${ACTION_LABELS[action]}，稿件现为“${STATUS_LABELS[article.status]}”。`,
        articleId: article.id,
      },
      options,
    );
  }

  async signoffs(articleId: string): Promise<Signoff[]> {
    await this.article(articleId, { includeDeleted: true });
    return this.repo.signoffs(articleId);
  }

  async reviewSheet(articleId: string): Promise<ReviewSheet> {
    const article = await this.article(articleId, { includeDeleted: true });
    const signoffs = await this.repo.signoffs(articleId);
    const history = await this.repo.history(articleId);
    const standing = (kind: SignoffKind) => [...signoffs].reverse().find((s) => s.kind === kind && s.supersededAt === null) ?? null;
    const lastSubmit = [...history].reverse().find((h) => h.action === 'submit') ?? null;
    const numbers = await this.ctx.repos.revisions.numbers(articleId);
    const pick = (s: { userName: string; at: string; revisionId: string; articleVersion: number } | null) =>
      s ? { userName: s.userName, at: s.at, revisionId: s.revisionId, articleVersion: s.articleVersion, revisionNumber: numbers.get(s.revisionId) ?? 0 } : null;
    return {
      paperName: await this.ctx.repos.settings.paperName(),
      article: {
        id: article.id,
        headline: article.headline,
        kicker: article.kicker,
        subheadline: article.subheadline,
        desk: article.desk,
        genre: article.genre,
        authorName: article.createdByName,
        bylineNames: article.bylines.map((b) => b.name),
        charCount: article.charCount,
        status: article.status,
        version: article.version,
        editionDate: article.editionDate,
        page: article.page,
      },
      levels: [
        { kind: 'submit' as const, label: ACTION_LABELS.submit, signoff: article.status === 'draft' ? null : pick(lastSubmit) },
        ...SIGNOFF_KINDS.map((kind) => ({ kind, label: SIGNOFF_LABELS[kind], signoff: pick(standing(kind)) })),
      ],
      history,
      signoffs,
      generatedAt: new Date().toISOString(),
    };
  }

  /**
   * 待我处理: the user's own drafts (returned ones flagged with who and why),
   * then every story waiting for a step the user's privileges allow and
   * separation of duties does not bar.
   */
  async myQueue(actor: Actor): Promise<Omit<QueueResult, 'pages'>> {
    const settings = await this.settings();
    const rows: { row: WorkflowSummary; why: QueueItem['why'] }[] = [];
    const statuses: ArticleStatus[] = [];
    if (actor.privileges.has('workflow.submit')) {
      const drafts = await this.repo.own(actor.user.id, 'draft', QUEUE_LIMIT_PER_STATE);
      const returned = await this.repo.lastReturns(drafts.map((d) => d.summary.id));
      for (const row of drafts) rows.push({ row, why: returned.has(row.summary.id) ? 'returned' : 'mine' });
      // Filed and not yet taken up: the author may still 撤回 them.
      for (const row of await this.repo.own(actor.user.id, 'submitted', QUEUE_LIMIT_PER_STATE)) rows.push({ row, why: 'filed' });
      statuses.push('draft');
    }
    for (const [status, privilege] of Object.entries(WAITING_PRIVILEGE) as [ArticleStatus, NonNullable<(typeof WAITING_PRIVILEGE)[ArticleStatus]>][]) {
      // Placed and signed stories move with their page: the page is what waits (the queue's pages).
      if (!actor.privileges.has(privilege) || rulesFrom(status).some((r) => r.byPage)) continue;
      const level = WAITING_LEVEL[status];
      const duty = level && !settings.allowSameReviewer ? { userId: actor.user.id, level } : null;
      // An author's own filed story is listed once, as theirs (a small paper may let them review it too).
      for (const row of await this.repo.waiting(status, QUEUE_LIMIT_PER_STATE, duty)) if (!rows.some((r) => r.row.summary.id === row.summary.id)) rows.push({ row, why: 'waiting' });
      statuses.push(status);
    }
    const ids = rows.map((r) => r.row.summary.id);
    const signoffs = await this.repo.liveSignoffsOf(ids);
    const seen = await this.repo.seenBy(actor.user.id, ids);
    const opened = await this.repo.openedSinceFiled(rows.filter((r) => r.why === 'filed').map((r) => r.row.summary.id));
    const returns = await this.repo.lastReturns(rows.filter((r) => r.why === 'returned').map((r) => r.row.summary.id));
    const items = rows.map(({ row: { summary, createdBy }, why }): QueueItem => {
      const facts = { signoffs: signoffs.get(summary.id) ?? [], seen: seen.has(summary.id), openedBy: opened.get(summary.id) ?? null };
      const options = this.options(actor, { status: summary.status, createdBy }, facts, settings.allowSameReviewer);
      // A filed story's 撤回 shows even when it is too late, saying who opened it.
      const shown = options.filter((o) => o.allowed || o.readFirst || (why === 'filed' && o.action === 'withdraw'));
      return Object.assign(summary, { why, returned: returns.get(summary.id) ?? null, actions: shown });
    });
    return { items, statuses };
  }

  async overview(): Promise<DeskOverview> {
    const byStatus: DeskOverview['byStatus'] = {};
    const desks = new Map<string, DeskOverview['byDesk'][number]>();
    for (const { status, desk, n } of await this.repo.overview()) {
      byStatus[status] = (byStatus[status] ?? 0) + n;
      const entry = desks.get(desk) ?? { desk, counts: {}, total: 0 };
      entry.counts[status] = n;
      entry.total += n;
      desks.set(desk, entry);
    }
    return { byStatus, byDesk: [...desks.values()].sort((a, b) => b.total - a.total || a.desk.localeCompare(b.desk, 'zh-CN')) };
  }

  /**
   * For ArticleService.update, inside its transaction, before writing: the
   * right to edit the story as it stands (assertCanEditNow in permissions.ts), then the part locks.
   */
  async assertCanEdit(actor: Actor, article: Article, parts: readonly LockPart[]): Promise<void> {
    assertCanEditNow(actor, article);
    await this.locks.assertCanEdit(actor, article.id, parts);
  }

  /**
   * For ArticleService.update, inside its transaction, after the update and
   * its revision: a change to the printed text of a signed story (已签发,
   * 已上版) sends it back to 终审 for 签发 again. Returns the story as it now
   * stands (its version moves on when it is reopened). The writer is recorded
   * as having read the version they wrote.
   */
  async onContentEdited(actor: Actor, before: Article, after: Article): Promise<Article> {
    if (!contentChanged(before, after)) return after;
    // Whoever wrote this version has read it.
    await this.repo.recordRead(after.id, actor.user.id, after.version, after.updatedAt);
    if (!SIGNED_STATES.includes(after.status)) return after;
    return this.apply(actor, after, { action: 'reopen', to: 'review3', signoffs: [] }, '签发后修改了稿件内容', await this.settings());
  }
}
