import type { searchMethods } from '../../../../shared/api/methods/search';
import type { SamplesFor } from './kit';

export const searchSamples: SamplesFor<typeof searchMethods> = {
  'search.articles': { valid: () => ({ query: '地铁' }), invalid: { query: '   ' }, invalidLabel: '搜索内容' },
  'search.facets': { valid: () => ({}), invalid: 'facets', invalidLabel: '输入' },
};
