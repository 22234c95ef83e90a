import { z } from 'zod';
import { MAX_DESK_LENGTH, MAX_DESKS } from '../../domain/desks';
import { printPatternProblem } from '../../layout/printFileName';
import { PRIVILEGES, ROLE_CODES } from '../../domain/roles';
import type { UserSummary } from '../../domain/session';
import type { AuditExport, AuditPage, RoleInfo, WorkflowSettings } from '../../administration/types';
import { id, isoDate, method, password, requiredText, shortText, username, version } from '../contractKit';

const auditFilter = z.object({
  userId: id.optional(),
  action: shortText(60).optional(),
  targetId: id.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});

/** Accounts, roles, the paper's settings and the audit log: what the administration screens do. */
export const administrationMethods = {
  'users.list': method<UserSummary[]>()(z.object({}), 'user.manage', false),
  'users.create': method<UserSummary>()(
    z.object({
      username,
      displayName: requiredText(40, '姓名'),
      password,
      roles: z.array(z.enum(ROLE_CODES)).min(1, { error: '至少分配一个角色' }),
    }),
    'user.manage',
    true,
  ),
  'audit.list': method<AuditPage>()(
    auditFilter.extend({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    'audit.read',
    false,
  ),
  'audit.exportCsv': method<AuditExport>()(auditFilter, 'audit.read', true),

  'admin.listRoles': method<RoleInfo[]>()(z.object({}), 'user.manage', false),
  'admin.updateRole': method<RoleInfo>()(
    z.object({
      code: z.enum(ROLE_CODES, { error: '未知的角色' }),
      privileges: z.array(z.enum(PRIVILEGES, { error: '未知的权限' })).max(PRIVILEGES.length),
      baseVersion: version,
    }),
    'user.manage',
    true,
  ),
  'admin.setUserRoles': method<UserSummary>()(
    z.object({ userId: id, roles: z.array(z.enum(ROLE_CODES, { error: '未知的角色' })).min(1, { error: '至少分配一个角色' }) }),
    'user.manage',
    true,
  ),
  'admin.setUserDisabled': method<UserSummary>()(z.object({ userId: id, disabled: z.boolean({ error: '请说明停用还是启用' }) }), 'user.manage', true),
  'admin.resetPassword': method<{ ok: true }>()(z.object({ userId: id, newPassword: password }), 'user.manage', true),
  'admin.desks': method<string[]>()(z.object({}), 'authenticated', false),
  'admin.setDesks': method<string[]>()(
    z.object({
      desks: z
        .array(z.string().trim().min(1, { error: '部门名称不能为空' }).max(MAX_DESK_LENGTH, { error: `部门名称不能超过 ${MAX_DESK_LENGTH} 字` }))
        .max(MAX_DESKS, { error: `最多 ${MAX_DESKS} 个部门` }),
    }),
    'settings.manage',
    true,
  ),
  'admin.getSettings': method<WorkflowSettings>()(z.object({}), 'settings.manage', false),
  'admin.updateSettings': method<WorkflowSettings>()(
    z.object({
      allowSameReviewer: z.boolean({ error: '请选择是或否' }).optional(),
      lockIdleMinutes: z.number({ error: '请填写分钟数' }).int({ error: '请填写整数' }).min(1, { error: '至少 1 分钟' }).max(24 * 60, { error: '不能超过 1440 分钟（一天）' }).optional(),
      pageBlankTolerancePercent: z.number({ error: '请填写百分比' }).min(0, { error: '不能小于 0%' }).max(20, { error: '不能超过 20%' }).optional(),
      printFileNamePattern: z
        .string({ error: '请填写文件名规则' })
        .trim()
        .max(120, { error: '不能超过 120 个字符' })
        .superRefine((value, ctx) => {
          const problem = printPatternProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      printOutputDir: z.string({ error: '请填写文件夹路径' }).trim().max(500, { error: '路径不能超过 500 个字符' }).optional(),
    }),
    'settings.manage',
    true,
  ),
} as const;
