import type { layoutMethods } from '../../../shared/api/methods/layout';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function layoutHandlers(s: Services): HandlersFor<typeof layoutMethods> {
  const l = s.layout;
  return {
    'layout.editions': () => l.editions(),
    'layout.board': ({ input }) => l.board(input.date),
    'layout.createEdition': ({ actor, input }) => l.createEdition(signedIn(actor), input),
    'layout.templates': () => l.templates(),
    'layout.saveTemplate': ({ actor, input }) => l.saveTemplate(signedIn(actor), input),
    'layout.addPage': ({ actor, input }) => l.addPage(signedIn(actor), input),
    'layout.updatePage': ({ actor, input }) => l.updatePage(signedIn(actor), input),
    'layout.movePage': ({ actor, input }) => l.movePage(signedIn(actor), input),
    'layout.removePage': ({ actor, input }) => l.removePage(signedIn(actor), input),
    'layout.addSlot': ({ actor, input }) => l.addSlot(signedIn(actor), input),
    'layout.updateSlot': ({ actor, input }) => l.updateSlot(signedIn(actor), input),
    'layout.removeSlot': ({ actor, input }) => l.removeSlot(signedIn(actor), input),
    'layout.placeStory': ({ actor, input }) => l.placeStory(signedIn(actor), input),
    'layout.signPage': ({ actor, input }) => l.signPage(signedIn(actor), input),
    'layout.unsignPage': ({ actor, input }) => l.unsignPage(signedIn(actor), input),
    'layout.printPage': ({ actor, input }) => l.printPage(signedIn(actor), input),
    'layout.pagePlan': ({ input }) => l.pagePlan(input.pageId),
    'layout.proof': ({ actor, input }) => l.proof(signedIn(actor), input),
    'layout.articleSlots': ({ input }) => l.articleSlots(input.articleId),
  };
}
