import type { searchMethods } from '../../../shared/api/methods/search';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function searchHandlers(s: Services): HandlersFor<typeof searchMethods> {
  return {
    'search.articles': ({ input }) => s.search.articles(input),
    'search.facets': () => s.search.facets(),
  };
}
