import type { CoreContext } from '../context';
import { ApiError } from '../../../shared/api/errors';
import { ArticleService } from './articleService';
import { AuthService } from './authService';
import type { SessionService } from './sessionService';
import { SetupService } from './setupService';
import { SystemService } from './systemService';
import { UserService } from './userService';
import { SearchService } from './searchService';
import { RevisionService } from './revisionService';
import { ImportService } from './importService';
import { WorkflowService } from './workflowService';
import { ProofreadingService } from './proofreadingService';
import { PhotoService } from './photoService';
import { LayoutService } from './layoutService';
import { ProofDeskService } from './proofDeskService';

export interface Services {
  auth: AuthService;
  setup: SetupService;
  articles: ArticleService;
  users: UserService;
  system: SystemService;
  search: SearchService;
  revisions: RevisionService;
  imports: ImportService;
  workflow: WorkflowService;
  proofreading: ProofreadingService;
  photos: PhotoService;
  layout: LayoutService;
  proofDesk: ProofDeskService;
}

export function createServices(ctx: CoreContext, sessions: SessionService): Services {
  const proofreading = new ProofreadingService(ctx);
  // 签发 waits for the house-style gate: open errors block unless a reviewer overrode them with a reason.
  const workflow = new WorkflowService(ctx, {
    signGate: (actor, article) => {
      const gate = proofreading.gate(actor, article.id);
      if (!gate.ok) {
        throw new ApiError('CONFLICT', `还有 ${gate.errors.length} 处校对错误未改：请改正，或由审稿人在校对面板说明理由后放行。`, {
          details: { styleErrors: gate.errors },
        });
      }
    },
  });
  const articles = new ArticleService(ctx, workflow);
  const layout = new LayoutService(ctx, workflow, proofreading);
  return {
    auth: new AuthService(ctx, sessions),
    setup: new SetupService(ctx),
    articles,
    users: new UserService(ctx),
    system: new SystemService(ctx),
    search: new SearchService(ctx),
    revisions: new RevisionService(ctx, articles),
    imports: new ImportService(ctx, articles),
    workflow,
    proofreading,
    photos: new PhotoService(ctx),
    layout,
    proofDesk: new ProofDeskService(ctx, layout),
  };
}
