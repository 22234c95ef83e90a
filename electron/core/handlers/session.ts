import type { sessionMethods } from '../../../shared/api/methods/session';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function sessionHandlers(s: Services): HandlersFor<typeof sessionMethods> {
  return {
    'setup.status': () => s.setup.status(),
    'setup.createNewsroom': async ({ input, transport, origin, setSession }) => {
      await s.setup.createNewsroom(input);
      const { info, token } = await s.auth.login(input.admin.username, input.admin.password, transport, origin);
      setSession(token);
      return info;
    },
    'setup.openDemo': async () => {
      await s.setup.openDemo();
      return { ok: true as const };
    },
    'auth.login': async ({ input, transport, origin, setSession }) => {
      const { info, token } = await s.auth.login(input.username, input.password, transport, origin);
      setSession(token);
      return info;
    },
    'auth.logout': async ({ actor, clearSession }) => {
      const signedInActor = signedIn(actor);
      // Locks die with the session that took them, so nobody waits on a user who has gone home.
      await s.locks.releaseSession(signedInActor);
      await s.auth.logout(signedInActor);
      clearSession();
      return { ok: true as const };
    },
    'auth.me': ({ actor }) => s.auth.sessionInfo(signedIn(actor)),
    'auth.changePassword': async ({ actor, input }) => {
      await s.auth.changePassword(signedIn(actor), input.oldPassword, input.newPassword);
      return { ok: true as const };
    },
    'system.info': () => s.system.info(),
  };
}
