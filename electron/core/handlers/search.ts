import type { searchMethods } from '../../../shared/api/methods/search';
import type { HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function searchHandlers(_s: Services): HandlersFor<typeof searchMethods> {
  return {};
}
