import { z } from 'zod';
import type { Article } from '../../domain/article';
import { WORKFLOW_ACTIONS } from '../../workflow/machine';
import type { ActionOption, DeskOverview, QueueResult, ReviewSheet, Signoff } from '../../workflow/types';
import { articleRef, id, method, shortText, version } from '../contractKit';

/**
 * Status changes, sign-offs, the review sheet and the queues. The dispatcher checks the coarse
 * privilege named here; the services decide the rest (which transition, whose story, separation of
 * duties), so 'authenticated' below means "checked in the service".
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
  /** The editor has this version of the story on screen: an approval needs it; it ends the author's chance to 撤回. */
  'workflow.opened': method<{ ok: true }>()(z.object({ articleId: id, version }), 'article.read', true),
  'workflow.actions': method<{ status: Article['status']; version: number; options: ActionOption[] }>()(articleRef, 'article.read', false),
  'workflow.signoffs': method<Signoff[]>()(articleRef, 'article.read', false),
  'workflow.reviewSheet': method<ReviewSheet>()(articleRef, 'article.read', false),
  'workflow.myQueue': method<QueueResult>()(z.object({}), 'authenticated', false),
  'workflow.overview': method<DeskOverview>()(z.object({}), 'article.read', false),

} as const;
