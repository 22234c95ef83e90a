import type { workflowMethods } from '../../../../shared/api/methods/workflow';
import type { SamplesFor } from './kit';

const SOMEONE = '01a223b7-9de7-70ae-8ef1-92499b73ba31';

export const workflowSamples: SamplesFor<typeof workflowMethods> = {
  'workflow.transition': {
    valid: ({ articleId }) => ({ articleId, action: 'submit', baseVersion: 1 }),
    invalid: { articleId: SOMEONE, action: 'approve-everything', baseVersion: 1 },
    invalidLabel: '操作',
  },
  'workflow.opened': { valid: ({ articleId }) => ({ articleId, version: 1 }), invalid: { articleId: SOMEONE, version: 0 }, invalidLabel: '版本号' },
  'workflow.actions': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 'x' }, invalidLabel: '稿件编号' },
  'workflow.signoffs': { valid: ({ articleId }) => ({ articleId }), invalid: {}, invalidLabel: '稿件编号' },
  'workflow.reviewSheet': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 42 }, invalidLabel: '稿件编号' },
  'workflow.myQueue': { valid: () => ({}), invalid: 'queue', invalidLabel: '输入' },
  'workflow.overview': { valid: () => ({}), invalid: [], invalidLabel: '输入' },
};
