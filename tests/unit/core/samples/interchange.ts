import type { interchangeMethods } from '../../../../shared/api/methods/interchange';
import type { SamplesFor } from './kit';

export const interchangeSamples: SamplesFor<typeof interchangeMethods> = {
  'export.story': { valid: ({ articleId }) => ({ articleId, format: 'nitf' }), invalid: { articleId: '01935f6e-0000-7000-8000-000000000001', format: 'docx' }, invalidLabel: '导出格式' },
  'export.edition': { valid: () => ({ date: '2026-11-29' }), invalid: { date: '2026-11-29', imageBase: 'javascript:alert(1)' }, invalidLabel: '图片地址前缀' },
};
