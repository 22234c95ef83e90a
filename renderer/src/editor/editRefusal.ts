import type { Article } from '../../../shared/domain/article';
import type { SessionInfo } from '../../../shared/domain/session';
import { editRefusal } from '../../../shared/workflow/machine';

/**
 * Why this user cannot edit this story, or null: the same rules the main side applies on save
 * (the story's workflow state, then authorship), known before anything is typed that could not
 * be saved.
 */
export function storyEditRefusal(article: Pick<Article, 'status' | 'createdBy'>, session: SessionInfo | null): string | null {
  const privileges = new Set(session?.privileges ?? []);
  const byState = editRefusal(article.status, privileges);
  if (byState) return byState.message;
  if (privileges.has('article.edit_any')) return null;
  if (privileges.has('article.edit_own') && article.createdBy === session?.user.id) return null;
  return '您只能修改自己写的稿件；这篇稿件的修改需要编辑或部门主任权限。';
}
