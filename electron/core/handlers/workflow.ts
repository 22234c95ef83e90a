import type { workflowMethods } from '../../../shared/api/methods/workflow';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function workflowHandlers(s: Services): HandlersFor<typeof workflowMethods> {
  const w = s.workflow;
  return {
    'workflow.transition': ({ actor, input }) => w.transition(signedIn(actor), input),
    'workflow.opened': ({ actor, input }) => w.opened(signedIn(actor), input.articleId, input.version),
    'workflow.actions': ({ actor, input }) => w.actions(signedIn(actor), input.articleId),
    'workflow.signoffs': ({ input }) => w.signoffs(input.articleId),
    'workflow.reviewSheet': ({ input }) => w.reviewSheet(input.articleId),
    'workflow.myQueue': async ({ actor }) => ({ ...(await w.myQueue(signedIn(actor))), pages: await s.proofDesk.queuePages(signedIn(actor)) }),
    'workflow.overview': () => w.overview(),
  };
}
