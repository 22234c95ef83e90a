import type { importMethods } from '../../../../shared/api/methods/importing';
import type { SamplesFor } from './kit';

const STORY = {
  kicker: null,
  headline: '我市新增两条公交夜班线路',
  subheadline: null,
  bylines: [],
  dateline: '本报讯',
  reporters: ['刘洋'],
  subheads: [],
  subheadIndexes: [],
  paragraphs: ['自4月1日起，市公交集团将开通两条夜班线路。'],
  captions: [],
  jumps: [],
  endCredit: '刘洋',
};

export const importSamples: SamplesFor<typeof importMethods> = {
  'import.parseDocx': {
    // Not a docx, but valid input: the permission checks run before the file is read.
    valid: () => ({ fileName: '稿件.docx', dataBase64: 'UEsDBA==' }),
    invalid: { fileName: '稿件.docx', dataBase64: '不是base64' },
    invalidLabel: '文件内容',
  },
  'import.parseWire': {
    valid: () => ({ fileName: 'xinhua.xml', dataBase64: Buffer.from('<nitf/>').toString('base64') }),
    invalid: { fileName: '', dataBase64: 'PG5pdGYvPg==' },
    invalidLabel: '文件名',
  },
  'import.createArticles': {
    valid: () => ({ stories: [STORY] }),
    invalid: { stories: [] },
    invalidLabel: '导入稿件',
  },
};
