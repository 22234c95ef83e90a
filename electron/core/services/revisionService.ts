import type { Actor, CoreContext } from '../context';
import type { Article } from '../../../shared/domain/article';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { RevisionDiffResult, RevisionSummary } from '../../../shared/api/methods/revisions';
import { ApiError } from '../../../shared/api/errors';
import { diffArticles } from '../../../shared/revisions/articleDiff';
import { pickFields } from '../../../shared/revisions/fields';
import { RevisionRepository, type StoredRevision } from '../repositories/revisionRepository';
import { ArticleService } from './articleService';

/**
 * The history of a story: every revision ArticleService wrote, comparisons between any two
 * of them (or the live article), and restoring one as a new version. Reading follows
 * articles.get (anyone with article.read); restoring is an edit and goes through
 * ArticleService.update, so it gets the same edit permission, conflict check and revision.
 */
export class RevisionService {
  private readonly revisions: RevisionRepository;
  private readonly articles: ArticleService;

  constructor(
    protected readonly ctx: CoreContext,
    articles: ArticleService,
  ) {
    this.revisions = new RevisionRepository(ctx.db);
    // The shared instance: a restore goes through the same lock and re-approval hooks as any edit.
    this.articles = articles;
  }

  list(articleId: string): RevisionSummary[] {
    this.articles.get(articleId);
    return this.revisions.list(articleId);
  }

  get(id: string): Article {
    const revision = this.revisions.get(id);
    if (!revision) throw notFound();
    this.articles.get(revision.articleId);
    return revision.snapshot;
  }

  getVersion(articleId: string, version: number): { snapshot: Article | null } {
    this.articles.get(articleId);
    return { snapshot: this.revisions.atVersion(articleId, version)?.snapshot ?? null };
  }

  diff(input: ParsedInputOf<'revisions.diff'>): RevisionDiffResult {
    const current = this.articles.get(input.articleId);
    const side = (ref: string) => {
      if (ref === 'current') return { revisionId: null, version: current.version, article: current };
      const revision = this.revisionOf(input.articleId, ref);
      return { revisionId: revision.id, version: revision.articleVersion, article: revision.snapshot };
    };
    const from = side(input.from);
    const to = side(input.to);
    return {
      from: { revisionId: from.revisionId, version: from.version },
      to: { revisionId: to.revisionId, version: to.version },
      ...diffArticles(pickFields(from.article), pickFields(to.article)),
    };
  }

  /** Never rewrites history: the old content comes back as a new version with its own 'restore' revision. */
  restore(actor: Actor, input: ParsedInputOf<'revisions.restore'>): Article {
    return this.ctx.db.transaction(() => {
      const revision = this.revisionOf(input.articleId, input.revisionId);
      const restored = this.articles.update(actor, {
        id: input.articleId,
        baseVersion: input.baseVersion,
        patch: pickFields(revision.snapshot),
        reason: 'restore',
      });
      // The revision row cannot say which version came back; the audit log keeps that as evidence.
      this.ctx.repos.audit.append({
        userId: actor.user.id,
        action: 'article.restoreRevision',
        targetType: 'article',
        targetId: input.articleId,
        details: { revisionId: revision.id, restoredVersion: revision.articleVersion, newVersion: restored.version },
      });
      return restored;
    }).immediate();
  }

  private revisionOf(articleId: string, revisionId: string): StoredRevision {
    const revision = this.revisions.get(revisionId);
    if (!revision || revision.articleId !== articleId) throw notFound();
    return revision;
  }
}

function notFound(): ApiError {
  return new ApiError('NOT_FOUND', '找不到这条版本记录，它可能属于另一篇稿件。');
}
