import type { paperMethods } from '../../../../shared/api/methods/paper';
import type { SamplesFor } from './kit';

const masthead = { nameText: '江城日报', supervisor: '中共江城市委', sponsor: '中共江城市委', cnNumber: 'CN 42-0012', postalCode: '37-12', website: 'www.jcrb.example.cn', lunarDate: true };

export const paperSamples: SamplesFor<typeof paperMethods> = {
  'paper.masthead': { valid: () => ({}), invalid: 'all', invalidLabel: '输入' },
  'paper.updateMasthead': { valid: () => masthead, invalid: { ...masthead, cnNumber: '42-0012' }, invalidLabel: '国内统一连续出版物号' },
  'paper.setMastheadImage': { valid: () => ({ fileName: 'masthead.png', dataBase64: 'iVBORw0KGgo=' }), invalid: { fileName: 'masthead.png', dataBase64: '不是base64' }, invalidLabel: '文件内容' },
  'paper.removeMastheadImage': { valid: () => ({}), invalid: [], invalidLabel: '输入' },
};
