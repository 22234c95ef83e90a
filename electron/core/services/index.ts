import type { CoreContext } from '../context';
import { ArticleService } from './articleService';
import { AuthService } from './authService';
import type { SessionService } from './sessionService';
import { SetupService } from './setupService';
import { SystemService } from './systemService';
import { UserService } from './userService';

export interface Services {
  auth: AuthService;
  setup: SetupService;
  articles: ArticleService;
  users: UserService;
  system: SystemService;
}

export function createServices(ctx: CoreContext, sessions: SessionService): Services {
  return {
    auth: new AuthService(ctx, sessions),
    setup: new SetupService(ctx),
    articles: new ArticleService(ctx),
    users: new UserService(ctx),
    system: new SystemService(ctx),
  };
}
