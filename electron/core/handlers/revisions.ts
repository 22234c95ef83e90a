import type { revisionMethods } from '../../../shared/api/methods/revisions';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function revisionHandlers(s: Services): HandlersFor<typeof revisionMethods> {
  return {
    'revisions.list': ({ input }) => s.revisions.list(input.articleId),
    'revisions.get': ({ input }) => s.revisions.get(input.id),
    'revisions.getVersion': ({ input }) => s.revisions.getVersion(input.articleId, input.version),
    'revisions.diff': ({ input }) => s.revisions.diff(input),
    'revisions.restore': ({ actor, input }) => s.revisions.restore(signedIn(actor), input),
  };
}
