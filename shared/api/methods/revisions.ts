import { z } from 'zod';
import type { Article } from '../../domain/article';
import type { ArticleDiff } from '../../revisions/articleDiff';
import { id, method, version } from '../contractKit';

/** Why a revision was written. Other work (workflow, locks) adds its own reasons, so the list stays open. */
type RevisionReason = 'create' | 'save' | 'autosave' | 'status' | 'restore' | 'force-unlock' | (string & {});

/**
 * A kept revision is a 稿: 第 1 稿 is the story as created, and each revision kept after it is the
 * next number, with no gaps. The article's version (版本) counts every save, autosaves included,
 * and only some saves keep a revision, so versions are shown beside the number, not as it.
 */
export interface RevisionSummary {
  id: string;
  /** 第 N 稿: this revision's place in the story's history, 1 for the first. */
  number: number;
  articleVersion: number;
  reason: RevisionReason;
  createdAt: string;
  createdByName: string;
  /** 字数 of the body at that revision. */
  charCount: number;
}

/** One end of a comparison: a revision, or the article as it is now. */
interface RevisionDiffSide {
  revisionId: string | null;
  version: number;
}

export interface RevisionDiffResult extends ArticleDiff {
  from: RevisionDiffSide;
  to: RevisionDiffSide;
}

const revisionRef = z.union([z.literal('current'), id], { error: '应为版本记录的编号或 current（当前版本）' });

export const revisionMethods = {
  'revisions.list': method<RevisionSummary[]>()(z.object({ articleId: id }), 'article.read', false),
  'revisions.get': method<Article>()(z.object({ id }), 'article.read', false),
  // Wrapped: the contract's ResultOf drops a bare null from the result type.
  'revisions.getVersion': method<{ snapshot: Article | null }>()(z.object({ articleId: id, version }), 'article.read', false),
  'revisions.diff': method<RevisionDiffResult>()(z.object({ articleId: id, from: revisionRef, to: revisionRef }), 'article.read', false),
  'revisions.restore': method<Article>()(z.object({ articleId: id, revisionId: id, baseVersion: version }), 'article.read', true),
} as const;
