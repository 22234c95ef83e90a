import type { Handlers } from './dispatcher';
import { signedIn } from './dispatcher';
import type { AuthService } from './services/authService';
import type { SetupService } from './services/setupService';
import type { ArticleService } from './services/articleService';
import type { UserService } from './services/userService';
import type { SystemService } from './services/systemService';

export interface Services {
  auth: AuthService;
  setup: SetupService;
  articles: ArticleService;
  users: UserService;
  system: SystemService;
}

/** One line per contract method: the typing makes a missing method a compile error. */
export function createHandlers(s: Services): Handlers {
  return {
    'setup.status': () => s.setup.status(),
    'setup.createNewsroom': async ({ input, transport, setSession }) => {
      await s.setup.createNewsroom(input);
      const { info, token } = await s.auth.login(input.admin.username, input.admin.password, transport);
      setSession(token);
      return info;
    },
    'setup.openDemo': async () => {
      await s.setup.openDemo();
      return { ok: true as const };
    },
    'auth.login': async ({ input, transport, setSession }) => {
      const { info, token } = await s.auth.login(input.username, input.password, transport);
      setSession(token);
      return info;
    },
    'auth.logout': ({ actor, clearSession }) => {
      s.auth.logout(signedIn(actor));
      clearSession();
      return { ok: true as const };
    },
    'auth.me': ({ actor }) => s.auth.sessionInfo(signedIn(actor)),
    'auth.changePassword': async ({ actor, input }) => {
      await s.auth.changePassword(signedIn(actor), input.oldPassword, input.newPassword);
      return { ok: true as const };
    },
    'system.info': () => s.system.info(),
    'users.list': () => s.users.list(),
    'users.create': ({ actor, input }) => s.users.create(signedIn(actor), input),
    'articles.list': ({ input }) => s.articles.list(input),
    'articles.get': ({ input }) => s.articles.get(input.id),
    'articles.create': ({ actor, input }) => s.articles.create(signedIn(actor), input),
    'articles.update': ({ actor, input }) => s.articles.update(signedIn(actor), input),
    'articles.delete': ({ actor, input }) => {
      s.articles.remove(signedIn(actor), input.id, input.baseVersion);
      return { ok: true as const };
    },
    'articles.restore': ({ actor, input }) => s.articles.restore(signedIn(actor), input.id),
  };
}
