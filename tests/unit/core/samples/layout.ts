import type { layoutMethods } from '../../../../shared/api/methods/layout';
import { DEFAULT_TEMPLATES } from '../../../../shared/layout/geometry';
import type { SamplesFor } from './kit';

const SOME_ID = '01935f6e-0000-7000-8000-000000000001';
const rect = { col: 0, line: 0, columns: 2, lines: 20 };

export const layoutSamples: SamplesFor<typeof layoutMethods> = {
  'layout.editions': { valid: () => ({}), invalid: 'all', invalidLabel: '输入' },
  'layout.board': { valid: () => ({ date: '2026-11-29' }), invalid: { date: '29/11/2026' }, invalidLabel: '日期' },
  'layout.createEdition': { valid: () => ({ date: '2031-01-01', issueNumber: 9000 }), invalid: { date: '2031-01-01', issueNumber: 0 }, invalidLabel: '总期号' },
  'layout.templates': { valid: () => ({}), invalid: [], invalidLabel: '输入' },
  'layout.saveTemplate': {
    valid: () => ({ spec: { ...DEFAULT_TEMPLATES[1]!, id: undefined, name: '四开 6 栏（试）' } }),
    invalid: { spec: { ...DEFAULT_TEMPLATES[1]!, columns: 0 } },
    invalidLabel: '基本栏数',
  },
  'layout.addPage': { valid: () => ({ editionId: SOME_ID, pageName: '副刊', templateId: SOME_ID }), invalid: { editionId: SOME_ID, pageName: '', templateId: SOME_ID }, invalidLabel: '版名' },
  'layout.updatePage': { valid: () => ({ pageId: SOME_ID, pageName: '副刊' }), invalid: { pageId: 'x' }, invalidLabel: '版面' },
  'layout.movePage': { valid: () => ({ pageId: SOME_ID, number: 2 }), invalid: { pageId: SOME_ID, number: 0 }, invalidLabel: '版次' },
  'layout.removePage': { valid: () => ({ pageId: SOME_ID, confirm: true }), invalid: { pageId: 'x' }, invalidLabel: '版面' },
  'layout.addSlot': {
    valid: ({ articleId }) => ({ pageId: SOME_ID, kind: 'article', articleId, ...rect }),
    invalid: { pageId: SOME_ID, kind: 'poster', ...rect },
    invalidLabel: '类型',
  },
  'layout.updateSlot': { valid: () => ({ slotId: SOME_ID, baseVersion: 1, ...rect }), invalid: { slotId: SOME_ID, baseVersion: 1, ...rect, columns: 'two' }, invalidLabel: '栏数' },
  'layout.removeSlot': { valid: () => ({ slotId: SOME_ID }), invalid: { slotId: 'x' }, invalidLabel: '稿位' },
  'layout.placeStory': {
    valid: ({ articleId }) => ({ articleId, date: '2026-11-29', pageId: SOME_ID }),
    invalid: { articleId: SOME_ID, date: '29/11/2026', pageId: SOME_ID },
    invalidLabel: '日期',
  },
  'layout.signPage': { valid: () => ({ pageId: SOME_ID }), invalid: { pageId: 'x' }, invalidLabel: '版面' },
  'layout.unsignPage': { valid: () => ({ pageId: SOME_ID, reason: '头条要换' }), invalid: { pageId: SOME_ID, reason: '  ' }, invalidLabel: '理由' },
  'layout.printPage': { valid: () => ({ pageId: SOME_ID }), invalid: { pageId: 42 }, invalidLabel: '版面' },
  'layout.pagePlan': { valid: () => ({ pageId: SOME_ID }), invalid: { pageId: 'x' }, invalidLabel: '版面' },
  'layout.proof': { valid: () => ({ pageId: SOME_ID }), invalid: { pageId: 'x' }, invalidLabel: '版面' },
  'layout.articleSlots': { valid: ({ articleId }) => ({ articleId }), invalid: { articleId: 'x' }, invalidLabel: '稿件编号' },
};
