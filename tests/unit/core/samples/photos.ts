import type { photoMethods } from '../../../../shared/api/methods/photos';
import type { SamplesFor } from './kit';

export const photoSamples: SamplesFor<typeof photoMethods> = {
  'photos.forArticle': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: '' }, invalidLabel: '稿件编号' },
};
