import type { proofreadingMethods } from '../../../shared/api/methods/proofreading';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function proofreadingHandlers(_s: Services): HandlersFor<typeof proofreadingMethods> {
  return {};
}
