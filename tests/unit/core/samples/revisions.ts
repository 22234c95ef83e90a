import type { revisionMethods } from '../../../../shared/api/methods/revisions';
import type { SamplesFor } from './kit';

// Any well-formed id: the FORBIDDEN and UNAUTHENTICATED checks run before the service looks it up.
const SOME_REVISION = '01a223b7-9de7-70ae-8ef1-92499b73ba31';

export const revisionSamples: SamplesFor<typeof revisionMethods> = {
  'revisions.list': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 'abc' }, invalidLabel: '稿件编号' },
  'revisions.get': { valid: () => ({ id: SOME_REVISION }), invalid: {}, invalidLabel: '稿件编号' },
  'revisions.getVersion': { valid: ({ articleId }) => ({ articleId, version: 1 }), invalid: { articleId: SOME_REVISION, version: 0 }, invalidLabel: '版本号' },
  'revisions.diff': {
    valid: ({ articleId }) => ({ articleId, from: SOME_REVISION, to: 'current' }),
    invalid: { articleId: SOME_REVISION, from: 'latest', to: 'current' },
    invalidLabel: '比较的起点',
  },
  'revisions.restore': {
    valid: ({ articleId }) => ({ articleId, revisionId: SOME_REVISION, baseVersion: 1 }),
    invalid: { articleId: SOME_REVISION, revisionId: 'v3', baseVersion: 1 },
    invalidLabel: '版本记录编号',
  },
};
