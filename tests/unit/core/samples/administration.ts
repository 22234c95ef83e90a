import type { administrationMethods } from '../../../../shared/api/methods/administration';
import type { SamplesFor } from './kit';

const SOMEONE = '01a223b7-9de7-70ae-8ef1-92499b73ba31';

export const administrationSamples: SamplesFor<typeof administrationMethods> = {
  'users.list': { valid: () => ({}), invalid: 1, invalidLabel: '输入' },
  'users.create': {
    valid: () => ({ username: 'newbie', displayName: '新人', password: '12345678', roles: ['reporter'] }),
    invalid: { username: 'a b', displayName: '新人', password: '12345678', roles: ['reporter'] },
    invalidLabel: '用户名',
  },
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
