import type { workflowMethods } from '../../../shared/api/methods/workflow';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function workflowHandlers(s: Services): HandlersFor<typeof workflowMethods> {
  const w = s.workflow;
  return {
    'workflow.transition': ({ actor, input }) => w.transition(signedIn(actor), input),
    'workflow.actions': ({ actor, input }) => w.actions(signedIn(actor), input.articleId),
    'workflow.signoffs': ({ input }) => w.signoffs(input.articleId),
    'workflow.reviewSheet': ({ input }) => w.reviewSheet(input.articleId),
    'workflow.myQueue': ({ actor }) => w.myQueue(signedIn(actor)),
    'workflow.overview': () => w.overview(),
    'workflow.people': () => w.people(),

    'locks.acquire': ({ actor, input }) => w.locks.acquire(signedIn(actor), input.articleId, input.part),
    'locks.release': ({ actor, input }) => w.locks.release(signedIn(actor), input.articleId, input.part),
    'locks.status': ({ input }) => w.locks.status(input.articleId),
    'locks.request': ({ actor, input }) => w.locks.request(signedIn(actor), input),
    'locks.forceRelease': ({ actor, input }) => w.locks.forceRelease(signedIn(actor), input.articleId, input.part),
    'locks.saveDisplaced': ({ actor, input }) => w.locks.saveDisplaced(signedIn(actor), input),

    'comments.list': ({ input }) => w.comments.list(input.articleId),
    'comments.add': ({ actor, input }) => w.comments.add(signedIn(actor), input),
    'comments.resolve': ({ actor, input }) => w.comments.resolve(signedIn(actor), input),

    'notifications.list': ({ actor, input }) => w.notifications.list(signedIn(actor), input),
    'notifications.markRead': ({ actor, input }) => w.notifications.markRead(signedIn(actor), input),

    'audit.list': ({ actor, input }) => w.audit.list(signedIn(actor), input),
    'audit.exportCsv': ({ actor, input }) => w.audit.exportCsv(signedIn(actor), input),

    'admin.listRoles': ({ actor }) => w.admin.roles(signedIn(actor)),
    'admin.updateRole': ({ actor, input }) => w.admin.updateRole(signedIn(actor), input),
    'admin.setUserRoles': ({ actor, input }) => w.admin.setUserRoles(signedIn(actor), input),
    'admin.setUserDisabled': ({ actor, input }) => w.admin.setUserDisabled(signedIn(actor), input),
    'admin.resetPassword': ({ actor, input }) => w.admin.resetPassword(signedIn(actor), input),
    'admin.desks': () => w.admin.desks(),
    'admin.setDesks': ({ actor, input }) => w.admin.setDesks(signedIn(actor), input.desks),
    'admin.getSettings': ({ actor }) => w.admin.settings(signedIn(actor)),
    'admin.updateSettings': ({ actor, input }) => w.admin.updateSettings(signedIn(actor), input),
  };
}
