import type { Actor } from '../context';
import { ApiError } from '../../../shared/api/errors';
import type { Article } from '../../../shared/domain/article';
import { PRIVILEGE_LABELS, type Privilege } from '../../../shared/domain/roles';
import { editRefusal } from '../../../shared/workflow/machine';

/** The one sentence a refusal for a missing privilege says, wherever it is checked. */
export function missingPrivilege(privilege: Privilege, hint = '如需权限，请联系管理员。'): ApiError {
  return new ApiError('FORBIDDEN', `您的账号没有“${PRIVILEGE_LABELS[privilege]}”权限，无法执行此操作。${hint}`);
}

export function requirePrivilege(actor: Actor, privilege: Privilege, hint?: string): void {
  if (!actor.privileges.has(privilege)) throw missingPrivilege(privilege, hint);
}

/** Whose story it is decides an edit: one's own with article.edit_own, any with article.edit_any. */
export function assertCanEdit(actor: Actor, article: Pick<Article, 'createdBy'>): void {
  if (actor.privileges.has('article.edit_any')) return;
  if (actor.privileges.has('article.edit_own') && article.createdBy === actor.user.id) return;
  throw new ApiError('FORBIDDEN', '您只能修改自己写的稿件；这篇稿件的修改需要编辑或部门主任权限。');
}

/**
 * The right to change the story as it stands now: the privilege, and a state that lets this actor
 * edit (an author only a draft; nobody a spiked or printed story). Whatever changes a story or what
 * it is checked against — an edit, a lock, ignoring a house-style finding — asks this.
 */
export function assertCanEditNow(actor: Actor, article: Pick<Article, 'createdBy' | 'status'>): void {
  assertCanEdit(actor, article);
  const refusal = editRefusal(article.status, actor.privileges);
  if (refusal) throw new ApiError(refusal.code, refusal.message);
}

/** Drafts are the author's to delete; anything else needs article.delete. */
export function assertCanDelete(actor: Actor, article: Pick<Article, 'createdBy' | 'status'>): void {
  if (actor.privileges.has('article.delete')) return;
  if (article.createdBy === actor.user.id && article.status === 'draft' && actor.privileges.has('article.edit_own')) return;
  throw new ApiError('FORBIDDEN', '您只能删除自己的草稿；其他稿件的删除需要管理员权限。');
}
