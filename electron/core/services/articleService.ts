import type { CoreContext, Actor } from '../context';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import type { ArticleListResult, ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import { deskRefusal } from '../../../shared/domain/desks';
import { defaultFields, deriveText, pickFields } from '../../../shared/article/fields';
import { partsOfPatch, changedGroups, groupsOfPatch } from '../../../shared/workflow/parts';
import type { AuditService } from './auditService';
import type { WorkflowService } from './workflowService';
import { staleVersion } from './conflicts';
import { assertCanDelete, assertCanEdit } from './permissions';

/** Autosaves between explicit saves still leave a revision at least this often. */
const AUTOSAVE_REVISION_INTERVAL_MS = 3 * 60 * 1000;

/** The API offers save and autosave; restoring from the history writes a 'restore' revision through the same path. */
export type UpdateReason = ParsedInputOf<'articles.update'>['reason'] | 'restore';

export class ArticleService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    /** Locks, and re-approval after 签发. */
    private readonly workflow: WorkflowService,
  ) {}

  get(id: string, options: { includeDeleted?: boolean } = {}): Promise<Article> {
    return this.ctx.repos.articles.require(id, options);
  }

  list(query: ParsedInputOf<'articles.list'>): Promise<ArticleListResult> {
    return this.ctx.repos.articles.list(query);
  }

  create(actor: Actor, input: ParsedInputOf<'articles.create'>): Promise<Article> {
    const fields: ArticleFields = { ...defaultFields(), ...stripUndefined(input) };
    const id = newId();
    const now = new Date().toISOString();
    return this.ctx.transaction(async () => {
      await this.assertListedDesk(fields.desk, '');
      await this.ctx.repos.articles.insert({ id, fields, derived: deriveText(fields), status: 'draft', userId: actor.user.id, now });
      const article = await this.get(id);
      await this.ctx.repos.articles.insertRevision({ id: newId(), article, reason: 'create', userId: actor.user.id, now });
      this.ctx.emit({ type: 'article.changed', articleId: id, version: article.version, byUserId: actor.user.id });
      return article;
    });
  }

  /** A desk set or changed must be on the paper's list; a story keeps one taken off the list until it is changed. */
  private async assertListedDesk(desk: string, current: string): Promise<void> {
    if (desk === current) return;
    const why = deskRefusal(desk, await this.ctx.repos.settings.desks());
    if (why) throw new ApiError('VALIDATION', why, { field: 'desk' });
  }

  update(actor: Actor, input: Omit<ParsedInputOf<'articles.update'>, 'reason'> & { reason: UpdateReason }): Promise<Article> {
    const now = new Date().toISOString();
    return this.ctx.transaction(async () => {
      const current = await this.get(input.id);
      assertCanEdit(actor, current);
      if (input.patch.desk !== undefined) await this.assertListedDesk(input.patch.desk, current.desk);
      await this.workflow.assertCanEdit(actor, current, partsOfPatch(input.patch));
      if (current.version !== input.baseVersion && !(await this.mergeable(input.id, input.baseVersion, current.version, input.patch))) throw conflict(current);
      const fields = mergeFields(current, input.patch);
      const changed = changedGroups(current, fields);
      if (!(await this.ctx.repos.articles.update({ id: input.id, baseVersion: current.version, fields, derived: deriveText(fields), changed, userId: actor.user.id, now }))) {
        throw conflict(await this.get(input.id));
      }
      const saved = await this.get(input.id);
      const lastRevision = await this.ctx.repos.articles.lastRevisionAt(input.id);
      const due = !lastRevision || Date.parse(now) - Date.parse(lastRevision) >= AUTOSAVE_REVISION_INTERVAL_MS;
      if (input.reason !== 'autosave' || due) {
        await this.ctx.repos.articles.insertRevision({ id: newId(), article: saved, reason: input.reason, userId: actor.user.id, now });
      }
      // An edit after 签发 reopens the approval; the workflow records it and returns the story in its new state.
      const final = await this.workflow.onContentEdited(actor, current, saved);
      this.ctx.emit({ type: 'article.changed', articleId: final.id, version: final.version, byUserId: actor.user.id });
      return final;
    });
  }

  /**
   * A save from an older base goes on top of the current version when nothing it writes changed
   * since that base: the other saves touched other parts (or only the status).
   */
  private async mergeable(id: string, baseVersion: number, currentVersion: number, patch: Partial<ArticleFields>): Promise<boolean> {
    if (baseVersion > currentVersion) return false;
    const changedAt = await this.ctx.repos.articles.groupVersions(id);
    // 0: the story predates this record, so when the part last changed is unknown.
    return changedAt !== null && groupsOfPatch(patch).every((group) => changedAt[group] > 0 && changedAt[group] <= baseVersion);
  }

  remove(actor: Actor, id: string, baseVersion: number): Promise<void> {
    return this.ctx.transaction(async () => {
      const current = await this.get(id);
      assertCanDelete(actor, current);
      if (!(await this.ctx.repos.articles.setDeleted(id, baseVersion, { at: new Date().toISOString(), by: actor.user.id }, actor.user.id))) {
        throw conflict(await this.get(id));
      }
      await this.audit.record({ userId: actor.user.id, action: 'article.delete', targetType: 'article', targetId: id });
      this.ctx.emit({ type: 'article.deleted', articleId: id, byUserId: actor.user.id });
    });
  }

  restore(actor: Actor, id: string): Promise<Article> {
    return this.ctx.transaction(async () => {
      const current = await this.get(id, { includeDeleted: true });
      if (!current.deletedAt) return current;
      assertCanDelete(actor, current);
      await this.ctx.repos.articles.setDeleted(id, current.version, null, actor.user.id);
      await this.audit.record({ userId: actor.user.id, action: 'article.restore', targetType: 'article', targetId: id });
      const restored = await this.get(id);
      this.ctx.emit({ type: 'article.changed', articleId: id, version: restored.version, byUserId: actor.user.id });
      return restored;
    });
  }
}

function conflict(current: Article): ApiError {
  return staleVersion('这篇稿件', { byName: current.updatedByName, version: current.version }, '请比较两个版本后选择或合并。', { current });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The story's fields with the patch applied; an empty 主题 is refused. */
export function mergeFields(current: Article, patch: Partial<ArticleFields>): ArticleFields {
  const merged = { ...pickFields(current), ...stripUndefined(patch) };
  if (merged.headline.trim().length === 0) {
    throw new ApiError('VALIDATION', '主题（标题）不能为空', { field: 'patch.headline' });
  }
  return merged;
}
