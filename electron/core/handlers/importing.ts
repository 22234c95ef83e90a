import type { importMethods } from '../../../shared/api/methods/importing';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function importHandlers(_s: Services): HandlersFor<typeof importMethods> {
  return {};
}
