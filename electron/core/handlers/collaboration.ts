import type { collaborationMethods } from '../../../shared/api/methods/collaboration';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function collaborationHandlers(s: Services): HandlersFor<typeof collaborationMethods> {
  return {
    'people.list': () => s.users.people(),

    'locks.acquire': ({ actor, input }) => s.locks.acquire(signedIn(actor), input.articleId, input.part, input.takeOver),
    'locks.release': ({ actor, input }) => s.locks.release(signedIn(actor), input.articleId, input.part),
    'locks.status': ({ input }) => s.locks.status(input.articleId),
    'locks.request': ({ actor, input }) => s.locks.request(signedIn(actor), input),
    'locks.forceRelease': ({ actor, input }) => s.locks.forceRelease(signedIn(actor), input.articleId, input.part),
    'locks.saveDisplaced': ({ actor, input }) => s.locks.saveDisplaced(signedIn(actor), input),

    'comments.list': ({ input }) => s.comments.list(input.articleId),
    'comments.add': ({ actor, input }) => s.comments.add(signedIn(actor), input),
    'comments.resolve': ({ actor, input }) => s.comments.resolve(signedIn(actor), input),

    'notifications.list': ({ actor, input }) => s.notifications.list(signedIn(actor), input),
    'notifications.markRead': ({ actor, input }) => s.notifications.markRead(signedIn(actor), input),
  };
}
