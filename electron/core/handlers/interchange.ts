import type { interchangeMethods } from '../../../shared/api/methods/interchange';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function interchangeHandlers(s: Services): HandlersFor<typeof interchangeMethods> {
  return {
    'export.story': ({ actor, input }) => s.interchange.exportStory(signedIn(actor), input),
    'export.edition': ({ actor, input }) => s.interchange.exportEdition(signedIn(actor), input),
  };
}
