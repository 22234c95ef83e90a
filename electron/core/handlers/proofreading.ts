import type { proofreadingMethods } from '../../../shared/api/methods/proofreading';
import { signedIn, type HandlersFor } from '../dispatcher';
import type { Services } from '../services/index';

export function proofreadingHandlers(s: Services): HandlersFor<typeof proofreadingMethods> {
  return {
    'proofreading.getWordLists': () => s.proofreading.getWordLists(),
    'proofreading.saveWordList': ({ actor, input }) => s.proofreading.saveWordList(signedIn(actor), input),
    'proofreading.importCsv': ({ actor, input }) => s.proofreading.importCsv(signedIn(actor), input),
    'proofreading.exportCsv': ({ actor, input }) => s.proofreading.exportCsv(signedIn(actor), input.kind),
    'proofreading.checkArticle': ({ input }) => s.proofreading.checkArticle(input.articleId),
    'proofreading.ignore': ({ actor, input }) => s.proofreading.ignore(signedIn(actor), input),
    'proofreading.override': ({ actor, input }) => s.proofreading.override(signedIn(actor), input),
    'proofreading.proofSheet': ({ input }) => s.proofDesk.sheet(input.pageId),
    'proofreading.addMark': ({ actor, input }) => s.proofDesk.addMark(signedIn(actor), input),
    'proofreading.setMark': ({ actor, input }) => s.proofDesk.setMark(signedIn(actor), input),
    'proofreading.finishRound': ({ actor, input }) => s.proofDesk.finishRound(signedIn(actor), input),
    'proofreading.storyMarks': ({ input }) => s.proofDesk.storyMarks(input.articleId),
    'proofreading.editionErrorRate': ({ input }) => s.proofreading.editionErrorRate(input.date),
    'proofreading.errorRate': ({ input }) => s.proofreading.errorRate(input.articleIds),
  };
}
