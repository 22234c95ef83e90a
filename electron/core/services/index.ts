import type { CoreContext } from '../context';
import { ApiError } from '../../../shared/api/errors';
import type { SearchBackend } from '../search/searchBackend';
import { AdminService } from './adminService';
import { ArticleService } from './articleService';
import { AuditService } from './auditService';
import { AuthService } from './authService';
import { MemoryLoginThrottle, StoredLoginThrottle } from '../auth/loginThrottle';
import { CommentService } from './commentService';
import { ImportService } from './importService';
import { LayoutService } from './layoutService';
import { ProofDeskService } from './proofDeskService';
import { LockService } from './lockService';
import { NotificationService } from './notificationService';
import { PhotoService } from './photoService';
import { ProofreadingService } from './proofreadingService';
import { RevisionService } from './revisionService';
import { SearchService } from './searchService';
import type { SessionService } from './sessionService';
import { SetupService } from './setupService';
import { SystemService } from './systemService';
import { UserService } from './userService';
import { WorkflowService } from './workflowService';
import { PaperService } from './paperService';
import { InterchangeService } from './interchangeService';

export type Services = ReturnType<typeof createServices>;

export interface ServiceOptions {
  /** The clock locks expire by (tests move it). */
  now?: () => number;
}

/**
 * Every service, built once, each given what it uses; nothing else constructs a service. The order
 * is the dependency order: nothing below needs what is built after it.
 */
export function createServices(ctx: CoreContext, sessions: SessionService, search: SearchBackend, options: ServiceOptions = {}) {
  const audit = new AuditService(ctx);
  const notifications = new NotificationService(ctx);
  const locks = new LockService(ctx, notifications, audit, options.now);
  const proofreading = new ProofreadingService(ctx, audit);
  // 签发 waits for the house-style gate: open errors block unless a reviewer overrode them with a reason.
  const workflow = new WorkflowService(ctx, audit, notifications, locks, async (actor, article) => {
    const gate = await proofreading.gate(actor, article.id);
    if (!gate.ok) {
      throw new ApiError('CONFLICT', `还有 ${gate.errors.length} 处校对错误未改：请改正，或由审稿人在校对面板说明理由后放行。`, {
        details: { styleErrors: gate.errors },
      });
    }
  });
  const articles = new ArticleService(ctx, audit, workflow);
  const layout = new LayoutService(ctx, audit, workflow, proofreading);
  return {
    audit,
    notifications,
    locks,
    proofreading,
    workflow,
    articles,
    comments: new CommentService(ctx, notifications, audit),
    admin: new AdminService(ctx, audit, locks, sessions),
    // The counts live in the database, shared by every process on it; a read-only folder counts in memory.
    auth: new AuthService(ctx, sessions, audit, ctx.readOnlyReason ? new MemoryLoginThrottle() : new StoredLoginThrottle(ctx)),
    setup: new SetupService(ctx, audit),
    users: new UserService(ctx, audit),
    system: new SystemService(ctx),
    search: new SearchService(ctx, search),
    revisions: new RevisionService(ctx, audit, articles),
    imports: new ImportService(ctx, articles),
    photos: new PhotoService(ctx, audit),
    layout,
    proofDesk: new ProofDeskService(ctx, audit, layout),
    paper: new PaperService(ctx, audit),
    interchange: new InterchangeService(ctx, audit, layout),
  };
}
