import type { Actor, CoreContext } from '../context';
import type { Article } from '../../../shared/domain/article';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { RevisionDiffResult, RevisionSummary } from '../../../shared/api/methods/revisions';
import { ApiError } from '../../../shared/api/errors';
import { diffArticles } from '../../../shared/revisions/articleDiff';
import { pickFields } from '../../../shared/article/fields';
import type { StoredRevision } from '../repositories/revisionRepository';
import type { ArticleService } from './articleService';
import type { AuditService } from './auditService';

/**
 * The history of a story: every revision ArticleService wrote, comparisons between any two
 * of them (or the live article), and restoring one as a new version. Reading follows
 * articles.get (anyone with article.read); restoring is an edit and goes through
 * ArticleService.update, so it gets the same edit permission, conflict check and revision.
 */
export class RevisionService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    /** A restore goes through the same edit rules, locks and re-approval as any edit. */
    private readonly articles: ArticleService,
  ) {}

  private get revisions() {
    return this.ctx.repos.revisions;
  }

  async list(articleId: string): Promise<RevisionSummary[]> {
    await this.articles.get(articleId);
    return this.revisions.list(articleId);
  }

  async get(id: string): Promise<Article> {
    const revision = await this.revisions.get(id);
    if (!revision) throw notFound();
    await this.articles.get(revision.articleId);
    return revision.snapshot;
  }

  async getVersion(articleId: string, version: number): Promise<{ snapshot: Article | null }> {
    await this.articles.get(articleId);
    return { snapshot: (await this.revisions.atVersion(articleId, version))?.snapshot ?? null };
  }

  async diff(input: ParsedInputOf<'revisions.diff'>): Promise<RevisionDiffResult> {
    const current = await this.articles.get(input.articleId);
    const side = async (ref: string) => {
      if (ref === 'current') return { revisionId: null, version: current.version, article: current };
      const revision = await this.revisionOf(input.articleId, ref);
      return { revisionId: revision.id, version: revision.articleVersion, article: revision.snapshot };
    };
    const from = await side(input.from);
    const to = await side(input.to);
    return {
      from: { revisionId: from.revisionId, version: from.version },
      to: { revisionId: to.revisionId, version: to.version },
      ...diffArticles(pickFields(from.article), pickFields(to.article)),
    };
  }

  /** Never rewrites history: the old content comes back as a new version with its own 'restore' revision. */
  restore(actor: Actor, input: ParsedInputOf<'revisions.restore'>): Promise<Article> {
    return this.ctx.transaction(async () => {
      const revision = await this.revisionOf(input.articleId, input.revisionId);
      const restored = await this.articles.update(actor, {
        id: input.articleId,
        baseVersion: input.baseVersion,
        patch: pickFields(revision.snapshot),
        reason: 'restore',
      });
      // The revision row cannot say which version came back; the audit log keeps that as evidence.
      await this.audit.record({
        userId: actor.user.id,
        action: 'article.restoreRevision',
        targetType: 'article',
        targetId: input.articleId,
        details: { revisionId: revision.id, restoredVersion: revision.articleVersion, newVersion: restored.version },
      });
      return restored;
    });
  }

  private async revisionOf(articleId: string, revisionId: string): Promise<StoredRevision> {
    const revision = await this.revisions.get(revisionId);
    if (!revision || revision.articleId !== articleId) throw notFound();
    return revision;
  }
}

function notFound(): ApiError {
  return new ApiError('NOT_FOUND', '找不到这条版本记录，它可能属于另一篇稿件。');
}
