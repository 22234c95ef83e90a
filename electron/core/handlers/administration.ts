import type { administrationMethods } from '../../../shared/api/methods/administration';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function administrationHandlers(s: Services): HandlersFor<typeof administrationMethods> {
  return {
    'users.list': () => s.users.list(),
    'users.create': ({ actor, input }) => s.users.create(signedIn(actor), input),

    'audit.list': ({ actor, input }) => s.audit.list(signedIn(actor), input),
    'audit.exportCsv': ({ actor, input }) => s.audit.exportCsv(signedIn(actor), input),

    'admin.listRoles': ({ actor }) => s.admin.roles(signedIn(actor)),
    'admin.updateRole': ({ actor, input }) => s.admin.updateRole(signedIn(actor), input),
    'admin.setUserRoles': ({ actor, input }) => s.admin.setUserRoles(signedIn(actor), input),
    'admin.setUserDisabled': ({ actor, input }) => s.admin.setUserDisabled(signedIn(actor), input),
    'admin.resetPassword': ({ actor, input }) => s.admin.resetPassword(signedIn(actor), input),
    'admin.desks': () => s.admin.desks(),
    'admin.setDesks': ({ actor, input }) => s.admin.setDesks(signedIn(actor), input.desks),
    'admin.getSettings': ({ actor }) => s.admin.settings(signedIn(actor)),
    'admin.updateSettings': ({ actor, input }) => s.admin.updateSettings(signedIn(actor), input),
  };
}
