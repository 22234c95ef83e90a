import type { sessionMethods } from '../../../../shared/api/methods/session';
import type { SamplesFor } from './kit';

export const sessionSamples: SamplesFor<typeof sessionMethods> = {
  'setup.status': { valid: () => ({}), invalid: 'x', invalidLabel: '输入' },
  'setup.createNewsroom': {
    valid: () => ({ paperName: '二报', admin: { username: 'boss', displayName: '老板', password: '12345678' } }),
    invalid: { paperName: '', admin: { username: 'boss', displayName: '老板', password: '12345678' } },
    invalidLabel: '报纸名称',
  },
  'setup.openDemo': { valid: () => ({}), invalid: 7, invalidLabel: '输入' },
  'auth.login': { valid: () => ({ username: 'reporter', password: 'demo1234' }), invalid: { username: '', password: 'x' }, invalidLabel: '用户名' },
  'auth.logout': { valid: () => ({}), invalid: 'bad', invalidLabel: '输入' },
  'auth.me': { valid: () => ({}), invalid: [], invalidLabel: '输入' },
  'auth.changePassword': {
    valid: () => ({ oldPassword: 'demo1234', newPassword: 'demo1234' }),
    invalid: { oldPassword: 'demo1234', newPassword: '短' },
    invalidLabel: '新密码',
  },
  'system.info': { valid: () => ({}), invalid: 'x', invalidLabel: '输入' },
};
