import type { articleMethods } from '../../../../shared/api/methods/articles';
import type { SamplesFor } from './kit';

const DOC = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] };

export const articleSamples: SamplesFor<typeof articleMethods> = {
  'articles.list': { valid: () => ({}), invalid: { limit: 100000 }, invalidLabel: '每页条数' },
  'articles.get': { valid: ({ articleId }) => ({ id: articleId }), invalid: { id: 'not-a-uuid' }, invalidLabel: '稿件编号' },
  'articles.create': { valid: () => ({ headline: '新稿件', body: DOC }), invalid: { headline: '   ' }, invalidLabel: '主题' },
  'articles.update': {
    valid: ({ articleId }) => ({ id: articleId, baseVersion: 1, patch: { headline: '改过的主题' } }),
    invalid: { id: '01a223b7-9de7-70ae-8ef1-92499b73ba31', baseVersion: 1, patch: { body: { type: 'doc', content: [{ type: 'image', attrs: { src: 'data:x' } }] } } },
    invalidLabel: '正文',
  },
  'articles.delete': { valid: ({ articleId }) => ({ id: articleId, baseVersion: 1 }), invalid: { id: 5, baseVersion: 1 }, invalidLabel: '稿件编号' },
  'articles.restore': { valid: ({ articleId }) => ({ id: articleId }), invalid: {}, invalidLabel: '稿件编号' },
};
