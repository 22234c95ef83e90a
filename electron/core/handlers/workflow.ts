import type { workflowMethods } from '../../../shared/api/methods/workflow';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function workflowHandlers(_s: Services): HandlersFor<typeof workflowMethods> {
  return {};
}
