import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import { docToBlocks } from '../../../shared/document/docText';
import { findMentions } from '../../../shared/collaboration/mentions';
import type { ArticleComment } from '../../../shared/collaboration/types';
import type { Article } from '../../../shared/domain/article';
import type { AuditService } from './auditService';
import type { NotificationService } from './notificationService';

/**
 * Threaded comments on a story, optionally anchored to a range of a paragraph.
 * An anchor is a block index in docToBlocks(body) order with offsets into that
 * block's text; it keeps the quoted text, so a comment still says what it was
 * about after the paragraph has been rewritten.
 */
export class CommentService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.ctx.repos.comments;
  }

  private article(id: string): Promise<Article> {
    return this.ctx.repos.articles.require(id);
  }

  async list(articleId: string): Promise<ArticleComment[]> {
    await this.article(articleId);
    return this.repo.ofArticle(articleId);
  }

  add(actor: Actor, input: ParsedInputOf<'comments.add'>): Promise<ArticleComment> {
    return this.ctx.transaction(async () => {
      const article = await this.article(input.articleId);
      let parent: ArticleComment | null = null;
      if (input.parentId) {
        parent = await this.repo.get(input.parentId);
        if (!parent || parent.articleId !== input.articleId) {
          throw new ApiError('NOT_FOUND', '要回复的评论不存在，或不属于这篇稿件。', { field: 'parentId' });
        }
        if (parent.parentId) throw new ApiError('BAD_REQUEST', '只能回复一条评论的开头，不能回复回复。', { field: 'parentId' });
        if (input.anchor) throw new ApiError('BAD_REQUEST', '回复沿用原评论的位置，不能另设批注位置。', { field: 'anchor' });
      }
      if (input.anchor) {
        const paragraphs = docToBlocks(article.body);
        const text = paragraphs[input.anchor.paragraph]?.text;
        if (text === undefined) {
          throw new ApiError('VALIDATION', `批注位置：正文只有 ${paragraphs.length} 段，没有第 ${input.anchor.paragraph + 1} 段。请先保存稿件再批注。`, { field: 'anchor.paragraph' });
        }
        if (input.anchor.end > text.length) {
          throw new ApiError('VALIDATION', `批注位置：第 ${input.anchor.paragraph + 1} 段只有 ${text.length} 个字符。请先保存稿件再批注。`, { field: 'anchor.end' });
        }
      }
      const users = (await this.ctx.repos.users.list()).filter((u) => !u.disabled);
      const mentionIds = findMentions(input.text, users);
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      const mentions = mentionIds.map((id) => ({ userId: id, name: names.get(id)! }));
      const id = newId();
      await this.repo.insert({
        id,
        articleId: input.articleId,
        parentId: input.parentId ?? null,
        authorId: actor.user.id,
        text: input.text,
        anchor: input.anchor ?? null,
        mentions,
        at: new Date().toISOString(),
      });
      const excerpt = input.text.length > 60 ? `${input.text.slice(0, 60)}…` : input.text;
      await this.notifications.notify(
        mentionIds,
        { kind: 'comment.mention', title: `${actor.user.displayName}在《${article.headline}》的评论中提到了您`, body: excerpt, articleId: article.id },
        { except: actor.user.id },
      );
      if (parent && !mentionIds.includes(parent.authorId)) {
        await this.notifications.notify(
          [parent.authorId],
          { kind: 'comment.reply', title: `${actor.user.displayName}回复了您在《${article.headline}》的评论`, body: excerpt, articleId: article.id },
          { except: actor.user.id },
        );
      }
      this.ctx.emit({ type: 'comment.changed', articleId: article.id, byUserId: actor.user.id });
      return (await this.repo.get(id))!;
    });
  }

  /** The comment's writer, the story's author or anyone who may edit any story can close or reopen a thread. */
  resolve(actor: Actor, input: ParsedInputOf<'comments.resolve'>): Promise<ArticleComment> {
    return this.audit.guarded(actor, 'comments.resolve', { commentId: input.commentId }, () =>
      this.ctx.transaction(async () => {
        const comment = await this.repo.get(input.commentId);
        if (!comment) throw new ApiError('NOT_FOUND', '找不到这条评论。', { field: 'commentId' });
        const root = comment.parentId ? (await this.repo.get(comment.parentId))! : comment;
        const article = await this.article(root.articleId);
        const allowed = root.authorId === actor.user.id || article.createdBy === actor.user.id || actor.privileges.has('article.edit_any');
        if (!allowed) throw new ApiError('FORBIDDEN', '只有评论人、稿件作者或编辑可以把评论标为已解决。');
        await this.repo.setResolved(root.id, input.resolved, actor.user.id, new Date().toISOString());
        this.ctx.emit({ type: 'comment.changed', articleId: root.articleId, byUserId: actor.user.id });
        return (await this.repo.get(root.id))!;
      }),
    );
  }
}
