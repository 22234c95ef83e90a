import type { importMethods } from '../../../shared/api/methods/importing';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function importHandlers(s: Services): HandlersFor<typeof importMethods> {
  return {
    'import.parseDocx': ({ input }) => s.imports.parseDocx(input),
    'import.parseWire': ({ input }) => s.imports.parseWire(input),
    'import.createArticles': ({ actor, input }) => s.imports.createArticles(signedIn(actor), input),
  };
}
