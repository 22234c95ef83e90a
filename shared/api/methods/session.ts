import { z } from 'zod';
import type { SessionInfo, SetupStatus, SystemInfo } from '../../domain/session';
import { method, password, requiredText, username } from '../contractKit';

export const sessionMethods = {
  'setup.status': method<SetupStatus>()(z.object({}), 'public', false),
  'setup.createNewsroom': method<SessionInfo>()(
    z.object({
      paperName: requiredText(60, '报纸名称'),
      admin: z.object({ username, displayName: requiredText(40, '姓名'), password }),
    }),
    'public',
    true,
  ),
  'setup.openDemo': method<{ ok: true }>()(z.object({}), 'public', true),
  'auth.login': method<SessionInfo>()(
    z.object({ username: requiredText(40, '用户名'), password: z.string().min(1, { error: '请填写密码' }).max(200) }),
    'public',
    false,
  ),
  'auth.logout': method<{ ok: true }>()(z.object({}), 'authenticated', false),
  'auth.me': method<SessionInfo>()(z.object({}), 'authenticated', false),
  'auth.changePassword': method<{ ok: true }>()(
    z.object({ oldPassword: z.string().min(1, { error: '请填写原密码' }).max(200), newPassword: password }),
    'authenticated',
    true,
  ),
  'system.info': method<SystemInfo>()(z.object({}), 'authenticated', false),
} as const;
