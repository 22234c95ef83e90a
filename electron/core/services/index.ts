import type { CoreContext } from '../context';
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
}

export function createServices(ctx: CoreContext, sessions: SessionService): Services {
  return {
    auth: new AuthService(ctx, sessions),
    setup: new SetupService(ctx),
    articles: new ArticleService(ctx),
    users: new UserService(ctx),
    system: new SystemService(ctx),
    search: new SearchService(ctx),
    revisions: new RevisionService(ctx),
    imports: new ImportService(ctx),
    workflow: new WorkflowService(ctx),
    proofreading: new ProofreadingService(ctx),
    photos: new PhotoService(ctx),
  };
}
