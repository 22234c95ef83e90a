import type { articleMethods } from '../../../shared/api/methods/articles';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function articleHandlers(s: Services): HandlersFor<typeof articleMethods> {
  return {
    'articles.list': ({ input }) => s.articles.list(input),
    'articles.get': ({ input }) => s.articles.get(input.id),
    'articles.create': ({ actor, input }) => s.articles.create(signedIn(actor), input),
    'articles.update': ({ actor, input }) => s.articles.update(signedIn(actor), input),
    'articles.delete': async ({ actor, input }) => {
      await s.articles.remove(signedIn(actor), input.id, input.baseVersion);
      return { ok: true as const };
    },
    'articles.restore': ({ actor, input }) => s.articles.restore(signedIn(actor), input.id),
  };
}
