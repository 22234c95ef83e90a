import type { collaborationMethods } from '../../../../shared/api/methods/collaboration';
import type { SamplesFor } from './kit';

const SOMEONE = '01a223b7-9de7-70ae-8ef1-92499b73ba31';

export const collaborationSamples: SamplesFor<typeof collaborationMethods> = {
  'people.list': { valid: () => ({}), invalid: 'all', invalidLabel: '输入' },
  'locks.acquire': { valid: ({ articleId }) => ({ articleId, part: 'body' }), invalid: { articleId: SOMEONE, part: 'footer' }, invalidLabel: '锁定部分' },
  'locks.release': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: SOMEONE, part: 'all' }, invalidLabel: '锁定部分' },
  'locks.status': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: '' }, invalidLabel: '稿件编号' },
  'locks.request': {
    valid: ({ articleId }) => ({ articleId, part: 'headline' }),
    invalid: { articleId: SOMEONE, part: 'headline', message: '请'.repeat(201) },
    invalidLabel: '附言',
  },
  'locks.forceRelease': { valid: ({ articleId }) => ({ articleId, part: 'body' }), invalid: { articleId: SOMEONE }, invalidLabel: '锁定部分' },
  'locks.saveDisplaced': {
    valid: ({ articleId }) => ({ articleId, patch: { headline: '另存的标题' } }),
    invalid: { articleId: SOMEONE, patch: { priority: 9 } },
    invalidLabel: '优先级',
  },
  'comments.list': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: null }, invalidLabel: '稿件编号' },
  'comments.add': {
    valid: ({ articleId }) => ({ articleId, text: '请核实数字' }),
    invalid: { articleId: SOMEONE, text: '请核实', anchor: { paragraph: 0, start: 5, end: 2, quote: '数字' } },
    invalidLabel: '结束位置',
  },
  'comments.resolve': { valid: () => ({ commentId: SOMEONE, resolved: true }), invalid: { commentId: SOMEONE, resolved: 'yes' }, invalidLabel: '已解决' },
  'notifications.list': { valid: () => ({}), invalid: { limit: 0 }, invalidLabel: '每页条数' },
  'notifications.markRead': { valid: () => ({}), invalid: { ids: [] }, invalidLabel: '通知编号' },
};
