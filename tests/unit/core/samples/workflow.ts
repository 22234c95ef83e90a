import type { workflowMethods } from '../../../../shared/api/methods/workflow';
import type { SamplesFor } from './kit';

const SOMEONE = '01a223b7-9de7-70ae-8ef1-92499b73ba31';

export const workflowSamples: SamplesFor<typeof workflowMethods> = {
  'workflow.transition': {
    valid: ({ articleId }) => ({ articleId, action: 'submit', baseVersion: 1 }),
    invalid: { articleId: SOMEONE, action: 'approve-everything', baseVersion: 1 },
    invalidLabel: '操作',
  },
  'workflow.actions': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 'x' }, invalidLabel: '稿件编号' },
  'workflow.signoffs': { valid: ({ articleId }) => ({ articleId }), invalid: {}, invalidLabel: '稿件编号' },
  'workflow.reviewSheet': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 42 }, invalidLabel: '稿件编号' },
  'workflow.myQueue': { valid: () => ({}), invalid: 'queue', invalidLabel: '输入' },
  'workflow.overview': { valid: () => ({}), invalid: [], invalidLabel: '输入' },
  'workflow.people': { valid: () => ({}), invalid: 'all', invalidLabel: '输入' },
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
  'audit.list': { valid: () => ({}), invalid: { since: '2024/01/01' }, invalidLabel: '起始日期' },
  'audit.exportCsv': { valid: () => ({}), invalid: { until: '昨天' }, invalidLabel: '截止日期' },
  'admin.listRoles': { valid: () => ({}), invalid: 0, invalidLabel: '输入' },
  'admin.updateRole': {
    valid: () => ({ code: 'reporter', privileges: ['article.read'], baseVersion: 1 }),
    invalid: { code: 'reporter', privileges: ['article.fly'], baseVersion: 1 },
    invalidLabel: '权限',
  },
  'admin.setUserRoles': { valid: () => ({ userId: SOMEONE, roles: ['editor'] }), invalid: { userId: SOMEONE, roles: [] }, invalidLabel: '角色' },
  'admin.setUserDisabled': { valid: () => ({ userId: SOMEONE, disabled: true }), invalid: { userId: 'me', disabled: true }, invalidLabel: '用户' },
  'admin.resetPassword': { valid: () => ({ userId: SOMEONE, newPassword: 'newpass123' }), invalid: { userId: SOMEONE, newPassword: '123' }, invalidLabel: '新密码' },
  'admin.desks': { valid: () => ({}), invalid: 'x', invalidLabel: '输入' },
  'admin.setDesks': { valid: () => ({ desks: ['要闻部', '经济部', '社会部', '文体部', '评论部', '摄影部'] }), invalid: { desks: [''] }, invalidLabel: '部门' },
  'admin.getSettings': { valid: () => ({}), invalid: 'x', invalidLabel: '输入' },
  'admin.updateSettings': { valid: () => ({ lockIdleMinutes: 20 }), invalid: { lockIdleMinutes: 0 }, invalidLabel: '锁定超时' },
};
