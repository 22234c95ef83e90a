import { z } from 'zod';
import { LOCK_PARTS } from '../../workflow/parts';
import type { ArticleComment, LockInfo, NotificationList, Person } from '../../collaboration/types';
import { articleRef, id, method, requiredText, shortText } from '../contractKit';
import { articleFieldsSchema } from './articles';

const part = z.enum(LOCK_PARTS, { error: '锁定部分只能是标题（headline）或正文（body）' });

/** Working on a story together: part locks, comments, notifications and who the colleagues are. */
export const collaborationMethods = {
  /** Colleagues by name, for @mentions and the audit filter; users.list (with roles) stays with user.manage. */
  'people.list': method<Person[]>()(z.object({}), 'article.read', false),

  /** `takeOver`: the story has been handed to the caller; a lock taken before that is broken as a force-unlock is. */
  'locks.acquire': method<LockInfo>()(
    z.object({ articleId: id, part, takeOver: z.boolean({ error: '接手必须是是或否' }).optional() }),
    'article.read',
    true,
  ),
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

} as const;
