import { z } from 'zod';
import type { Article } from '../../domain/article';
import { PRIVILEGES, ROLE_CODES } from '../../domain/roles';
import { MAX_DESK_LENGTH, MAX_DESKS } from '../../domain/desks';
import type { UserSummary } from '../../domain/session';
import { WORKFLOW_ACTIONS } from '../../workflow/machine';
import { LOCK_PARTS } from '../../workflow/parts';
import type {
  ActionOption,
  ArticleComment,
  AuditExport,
  AuditPage,
  DeskOverview,
  LockInfo,
  Person,
  NotificationList,
  QueueResult,
  ReviewSheet,
  RoleInfo,
  Signoff,
  WorkflowSettings,
} from '../../workflow/types';
import { id, isoDate, method, password, requiredText, shortText } from '../contractKit';
import { articleFieldsSchema } from './articles';

const articleRef = z.object({ articleId: id });
const part = z.enum(LOCK_PARTS, { error: '锁定部分只能是标题（headline）或正文（body）' });
const version = z.number({ error: '请提供版本号' }).int().min(1, { error: '版本号从 1 开始' });

const auditFilter = z.object({
  userId: id.optional(),
  action: shortText(60).optional(),
  targetId: id.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});

/**
 * Status changes, sign-offs, queues, locks, comments, notifications, the
 * audit log and administration. The dispatcher checks the coarse privilege
 * named here; the services decide the rest (which transition, whose story,
 * separation of duties), so 'authenticated' below means "checked in the service".
 */
export const workflowMethods = {
  'workflow.transition': method<Article>()(
    z.object({
      articleId: id,
      action: z.enum(WORKFLOW_ACTIONS, { error: '未知的流程操作' }),
      baseVersion: version,
      reason: shortText(500).optional(),
    }),
    'authenticated',
    true,
  ),
  'workflow.actions': method<{ status: Article['status']; version: number; options: ActionOption[] }>()(articleRef, 'article.read', false),
  'workflow.signoffs': method<Signoff[]>()(articleRef, 'article.read', false),
  'workflow.reviewSheet': method<ReviewSheet>()(articleRef, 'article.read', false),
  'workflow.myQueue': method<QueueResult>()(z.object({}), 'authenticated', false),
  'workflow.overview': method<DeskOverview>()(z.object({}), 'article.read', false),
  /** Colleagues by name, for @mentions and the audit filter; users.list (with roles) stays with user.manage. */
  'workflow.people': method<Person[]>()(z.object({}), 'article.read', false),

  'locks.acquire': method<LockInfo>()(z.object({ articleId: id, part }), 'article.read', true),
  'locks.release': method<{ released: (typeof LOCK_PARTS)[number][] }>()(z.object({ articleId: id, part: part.optional() }), 'article.read', true),
  'locks.status': method<LockInfo[]>()(articleRef, 'article.read', false),
  'locks.request': method<{ ok: true }>()(z.object({ articleId: id, part, message: shortText(200).optional() }), 'article.read', true),
  'locks.forceRelease': method<{ holder: LockInfo; revisionId: string; articleVersion: number }>()(z.object({ articleId: id, part }), 'lock.force', true),
  'locks.saveDisplaced': method<{ revisionId: string; articleVersion: number }>()(
    z.object({ articleId: id, patch: articleFieldsSchema.partial() }),
    'article.read',
    true,
  ),

  'comments.list': method<ArticleComment[]>()(articleRef, 'article.read', false),
  'comments.add': method<ArticleComment>()(
    z.object({
      articleId: id,
      parentId: id.optional(),
      text: requiredText(2000, '评论内容'),
      anchor: z
        .object({
          paragraph: z.number().int().min(0, { error: '段落序号从 0 开始' }),
          start: z.number().int().min(0, { error: '不能小于 0' }),
          end: z.number().int().min(0, { error: '不能小于 0' }),
          quote: shortText(500),
        })
        .refine((a) => a.end > a.start, { error: '结束位置必须在起始位置之后', path: ['end'] })
        .optional(),
    }),
    'article.read',
    true,
  ),
  'comments.resolve': method<ArticleComment>()(z.object({ commentId: id, resolved: z.boolean({ error: '请说明是否已解决' }) }), 'article.read', true),

  'notifications.list': method<NotificationList>()(
    z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }),
    'authenticated',
    false,
  ),
  'notifications.markRead': method<{ unread: number }>()(
    z.object({ ids: z.array(id).min(1, { error: '至少指定一条通知' }).max(500).optional() }),
    'authenticated',
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
    }),
    'settings.manage',
    true,
  ),
} as const;
