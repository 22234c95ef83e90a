import type { proofreadingMethods } from '../../../../shared/api/methods/proofreading';
import type { SamplesFor } from './kit';

const PAGE = '01935f6e-0000-7000-8000-000000000002';

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
  'proofreading.proofSheet': { valid: () => ({ pageId: PAGE }), invalid: { pageId: 'p1' }, invalidLabel: '版面' },
  'proofreading.addMark': {
    valid: ({ articleId }) => ({ pageId: PAGE, slotId: PAGE, articleId, field: 'body', paragraph: 0, start: 2, end: 4, quote: '黄埔', correction: '黄浦' }),
    invalid: { pageId: PAGE, slotId: PAGE, articleId: PAGE, field: 'footer', paragraph: 0, start: 2, end: 4, quote: '黄埔' },
    invalidLabel: '位置',
  },
  'proofreading.setMark': { valid: () => ({ markId: PAGE, status: 'fixed', baseVersion: 1 }), invalid: { markId: PAGE, status: 'done', baseVersion: 1 }, invalidLabel: '状态' },
  'proofreading.finishRound': { valid: () => ({ pageId: PAGE, round: 1 }), invalid: { pageId: PAGE, round: 5 }, invalidLabel: '校次' },
  'proofreading.storyMarks': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: '' }, invalidLabel: '稿件编号' },
  'proofreading.editionErrorRate': { valid: () => ({ date: '2026-11-28' }), invalid: { date: '2026/11/28' }, invalidLabel: '日期' },
  'proofreading.errorRate': { valid: ({ articleId }) => ({ articleIds: [articleId] }), invalid: { articleIds: [] }, invalidLabel: '稿件' },
};
