import type { paperMethods } from '../../../shared/api/methods/paper';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function paperHandlers(s: Services): HandlersFor<typeof paperMethods> {
  return {
    'paper.masthead': () => s.paper.masthead(),
    'paper.updateMasthead': ({ actor, input }) => s.paper.updateMasthead(signedIn(actor), input),
    'paper.setMastheadImage': ({ actor, input }) => s.paper.setMastheadImage(signedIn(actor), input),
    'paper.removeMastheadImage': ({ actor }) => s.paper.removeMastheadImage(signedIn(actor)),
  };
}
