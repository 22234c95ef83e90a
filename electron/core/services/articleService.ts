import type { CoreContext, Actor } from '../context';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import type { ArticleListResult, ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import { deskRefusal } from '../../../shared/domain/desks';
import { docToParagraphs, docToPlainText } from '../../../shared/document/docText';
import { emptyDoc } from '../../../shared/document/docSchema';
import { textStats } from '../../../shared/text/count';
import type { DerivedText } from '../repositories/articleRepository';
import type { WorkflowService } from './workflowService';
import { readDesks } from './adminService';
import { partsOfPatch, changedGroups, groupsOfPatch } from '../../../shared/workflow/parts';

/** Autosaves between explicit saves still leave a revision at least this often. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 3 * 60 * 1000;

/** The API offers save and autosave; restoring from the history writes a 'restore' revision through the same path. */
export type UpdateReason = ParsedInputOf<'articles.update'>['reason'] | 'restore';

export function defaultFields(): ArticleFields {
  return {
    slug: '',
    desk: '',
    genre: '消息',
    kicker: '',
    headline: '',
    subheadline: '',
    bylines: [],
    dateline: null,
    endCredit: '',
    abstract: '',
    editorsNote: '',
    keywords: [],
    targetChars: null,
    editionDate: null,
    page: null,
    priority: 3,
    body: emptyDoc(),
  };
}

export function deriveText(fields: ArticleFields): DerivedText {
  const paragraphs = docToParagraphs(fields.body);
  const stats = textStats(paragraphs);
  return {
    bodyText: docToPlainText(fields.body),
    bylineNames: fields.bylines.map((b) => b.name).join(' '),
    charCount: stats.chars,
    cells: stats.cells,
    paragraphCount: stats.paragraphs,
  };
}

export class ArticleService {
  constructor(
    private readonly ctx: CoreContext,
    /** Locks and re-approval after 签发; absent for the internal instances the workflow itself uses. */
    private readonly workflow?: WorkflowService,
  ) {}

  get(id: string, options: { includeDeleted?: boolean } = {}): Article {
    const article = this.ctx.repos.articles.get(id);
    if (!article || (article.deletedAt && !options.includeDeleted)) {
      throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。');
    }
    return article;
  }

  list(query: ParsedInputOf<'articles.list'>): ArticleListResult {
    return this.ctx.repos.articles.list(query);
  }

  create(actor: Actor, input: ParsedInputOf<'articles.create'>): Article {
    const fields: ArticleFields = { ...defaultFields(), ...stripUndefined(input) };
    this.assertListedDesk(fields.desk, '');
    const id = newId();
    const now = new Date().toISOString();
    return this.ctx.db.transaction(() => {
      this.ctx.repos.articles.insert({ id, fields, derived: deriveText(fields), status: 'draft', userId: actor.user.id, now });
      const article = this.get(id);
      this.ctx.repos.articles.insertRevision({ id: newId(), article, reason: 'create', userId: actor.user.id, now });
      this.ctx.emit({ type: 'article.changed', articleId: id, version: article.version, byUserId: actor.user.id });
      return article;
    }).immediate();
  }

  /** A desk set or changed must be on the paper's list; a story keeps one taken off the list until it is changed. */
  private assertListedDesk(desk: string, current: string): void {
    if (desk === current) return;
    const why = deskRefusal(desk, readDesks(this.ctx));
    if (why) throw new ApiError('VALIDATION', why, { field: 'desk' });
  }

  assertCanEdit(actor: Actor, article: Article): void {
    if (actor.privileges.has('article.edit_any')) return;
    if (actor.privileges.has('article.edit_own') && article.createdBy === actor.user.id) return;
    throw new ApiError('FORBIDDEN', '您只能修改自己写的稿件；这篇稿件的修改需要编辑或部门主任权限。');
  }

  update(actor: Actor, input: Omit<ParsedInputOf<'articles.update'>, 'reason'> & { reason: UpdateReason }): Article {
    const now = new Date().toISOString();
    return this.ctx.db.transaction(() => {
      const current = this.get(input.id);
      this.assertCanEdit(actor, current);
      if (input.patch.desk !== undefined) this.assertListedDesk(input.patch.desk, current.desk);
      this.workflow?.assertCanEdit(actor, current, partsOfPatch(input.patch));
      if (current.version !== input.baseVersion && !this.mergeable(input.id, input.baseVersion, current.version, input.patch)) throw conflict(current);
      const fields = mergeFields(current, input.patch);
      const changed = changedGroups(current, fields);
      if (!this.ctx.repos.articles.update({ id: input.id, baseVersion: current.version, fields, derived: deriveText(fields), changed, userId: actor.user.id, now })) {
        throw conflict(this.get(input.id));
      }
      const saved = this.get(input.id);
      const lastRevision = this.ctx.repos.articles.lastRevisionAt(input.id);
      const due = !lastRevision || Date.parse(now) - Date.parse(lastRevision) >= AUTOSAVE_REVISION_INTERVAL_MS;
      if (input.reason !== 'autosave' || due) {
        this.ctx.repos.articles.insertRevision({ id: newId(), article: saved, reason: input.reason, userId: actor.user.id, now });
      }
      // An edit after 签发 reopens the approval; the workflow records it and returns the story in its new state.
      const final = this.workflow ? this.workflow.onContentEdited(actor, current, saved) : saved;
      this.ctx.emit({ type: 'article.changed', articleId: final.id, version: final.version, byUserId: actor.user.id });
      return final;
    }).immediate();
  }

  /**
   * A save from an older base goes on top of the current version when nothing it writes changed
   * since that base: the other saves touched other parts (or only the status).
   */
  private mergeable(id: string, baseVersion: number, currentVersion: number, patch: Partial<ArticleFields>): boolean {
    if (baseVersion > currentVersion) return false;
    const changedAt = this.ctx.repos.articles.groupVersions(id);
    // 0: the story predates this record, so when the part last changed is unknown.
    return changedAt !== null && groupsOfPatch(patch).every((group) => changedAt[group] > 0 && changedAt[group] <= baseVersion);
  }

  remove(actor: Actor, id: string, baseVersion: number): void {
    this.ctx.db.transaction(() => {
      const current = this.get(id);
      this.assertCanDelete(actor, current);
      if (!this.ctx.repos.articles.setDeleted(id, baseVersion, { at: new Date().toISOString(), by: actor.user.id }, actor.user.id)) {
        throw conflict(this.get(id));
      }
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'article.delete', targetType: 'article', targetId: id });
      this.ctx.emit({ type: 'article.deleted', articleId: id, byUserId: actor.user.id });
    }).immediate();
  }

  restore(actor: Actor, id: string): Article {
    return this.ctx.db.transaction(() => {
      const current = this.get(id, { includeDeleted: true });
      if (!current.deletedAt) return current;
      this.assertCanDelete(actor, current);
      this.ctx.repos.articles.setDeleted(id, current.version, null, actor.user.id);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'article.restore', targetType: 'article', targetId: id });
      const restored = this.get(id);
      this.ctx.emit({ type: 'article.changed', articleId: id, version: restored.version, byUserId: actor.user.id });
      return restored;
    }).immediate();
  }

  private assertCanDelete(actor: Actor, article: Article): void {
    if (actor.privileges.has('article.delete')) return;
    if (article.createdBy === actor.user.id && article.status === 'draft' && actor.privileges.has('article.edit_own')) return;
    throw new ApiError('FORBIDDEN', '您只能删除自己的草稿；其他稿件的删除需要管理员权限。');
  }
}

function conflict(current: Article): ApiError {
  return new ApiError(
    'CONFLICT',
    `这篇稿件已被${current.updatedByName}在您打开之后修改（现为版本 ${current.version}）。请比较两个版本后选择或合并。`,
    { details: { current } },
  );
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeFields(current: Article, patch: Partial<ArticleFields>): ArticleFields {
  const base: ArticleFields = {
    slug: current.slug,
    desk: current.desk,
    genre: current.genre,
    kicker: current.kicker,
    headline: current.headline,
    subheadline: current.subheadline,
    bylines: current.bylines,
    dateline: current.dateline,
    endCredit: current.endCredit,
    abstract: current.abstract,
    editorsNote: current.editorsNote,
    keywords: current.keywords,
    targetChars: current.targetChars,
    editionDate: current.editionDate,
    page: current.page,
    priority: current.priority,
    body: current.body,
  };
  const merged = { ...base, ...stripUndefined(patch) };
  if (merged.headline.trim().length === 0) {
    throw new ApiError('VALIDATION', '主题（标题）不能为空', { field: 'patch.headline' });
  }
  return merged;
}
