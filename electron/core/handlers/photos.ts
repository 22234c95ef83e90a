import type { photoMethods } from '../../../shared/api/methods/photos';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function photoHandlers(s: Services): HandlersFor<typeof photoMethods> {
  return {
    'photos.forArticle': ({ input }) => s.photos.forArticle(input.articleId),
  };
}
