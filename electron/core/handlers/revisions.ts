import type { revisionMethods } from '../../../shared/api/methods/revisions';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function revisionHandlers(_s: Services): HandlersFor<typeof revisionMethods> {
  return {};
}
