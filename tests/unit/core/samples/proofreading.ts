import type { proofreadingMethods } from '../../../../shared/api/methods/proofreading';
import type { SamplesFor } from './kit';

export const proofreadingSamples: SamplesFor<typeof proofreadingMethods> = {
  'proofreading.getWordLists': { valid: () => ({}), invalid: 'x', invalidLabel: '输入' },
  'proofreading.saveWordList': {
    valid: () => ({ kind: 'placeName', entries: [{ wrong: '黄埔江', right: '黄浦江' }] }),
    invalid: { kind: 'placeName', entries: [{ wrong: '黄埔江', right: '' }] },
    invalidLabel: '正确写法',
  },
  'proofreading.importCsv': {
    valid: () => ({ kind: 'confusable', csv: 'wrong,right\n好象,好像\n', mode: 'append' }),
    invalid: { kind: 'confusable', csv: 'wrong,right\n', mode: 'merge' },
    invalidLabel: '导入方式',
  },
  'proofreading.exportCsv': { valid: () => ({ kind: 'careful' }), invalid: { kind: 'swearWords' }, invalidLabel: '类型' },
  'proofreading.checkArticle': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 'nope' }, invalidLabel: '稿件编号' },
  'proofreading.ignore': {
    valid: ({ articleId }) => ({ articleId, rule: 'confusable-words', text: '好象', scope: 'story', paragraphHash: '00000000000000' }),
    invalid: { articleId: '01a223b7-9de7-70ae-8ef1-92499b73ba31', rule: 'confusable-words', text: '好象', scope: 'story', paragraphHash: 'xyz' },
    invalidLabel: '段落标识',
  },
  'proofreading.override': {
    valid: ({ articleId }) => ({ articleId, findingsDigest: '0'.repeat(64), reason: '引语照录原文' }),
    invalid: { articleId: '01a223b7-9de7-70ae-8ef1-92499b73ba31', findingsDigest: '0'.repeat(64), reason: '  ' },
    invalidLabel: '理由',
  },
  'proofreading.editionErrorRate': { valid: () => ({ date: '2026-11-28' }), invalid: { date: '2026/11/28' }, invalidLabel: '日期' },
  'proofreading.errorRate': { valid: ({ articleId }) => ({ articleIds: [articleId] }), invalid: { articleIds: [] }, invalidLabel: '稿件' },
};
