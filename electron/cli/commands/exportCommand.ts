import fs from 'node:fs';
import path from 'node:path';
import type { MethodName } from '../../../shared/api/contract';
import { EXPORT_FORMATS, type ExportFile } from '../../../shared/api/methods/interchange';
import { openExistingCore } from '../openCliCore';
import { CliError } from '../cliError';
import { resolveDataDir } from './dataDirOption';
import { print, type CliCommand } from './types';

const USAGE =
  'npm run cli -- export (--story ID --format newsml|nitf|icml|html|wechat | --edition YYYY-MM-DD) --out FILE [--image-base PREFIX/] [--data-dir DIR] [--json]';

function required(values: Record<string, unknown>, name: string, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`缺少 --${name}（${what}）。用法：${USAGE}`);
  return value;
}

/**
 * A story (or, with --edition, the whole edition as a NewsML-G2 package) written as a file, through the
 * dispatcher with a local read session, so the permission check and the audit record are the app's.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  summary: '导出稿件为 NewsML-G2、NITF、InCopy (ICML)、网页 HTML 或微信公众号格式；--edition 导出整期为 NewsML-G2 包',
  options: { story: { type: 'string' }, edition: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'image-base': { type: 'string' } },
  async run(_args, values) {
    const story = typeof values['story'] === 'string' ? values['story'] : null;
    const edition = typeof values['edition'] === 'string' ? values['edition'] : null;
    if ((story === null) === (edition === null)) throw new CliError(`请给出 --story 或 --edition 之一。用法：${USAGE}`);
    const format = story !== null ? required(values, 'format', `${EXPORT_FORMATS.join('、')} 之一`) : 'newsml';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format ${format} 不是可导出的格式：只能是 ${EXPORT_FORMATS.join('、')}。`);
    if (edition !== null && values['format'] !== undefined && values['format'] !== 'newsml') throw new CliError('整期只能导出为 NewsML-G2 包（--format newsml）。');
    const out = path.resolve(required(values, 'out', '保存的文件名'));
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`文件夹 ${path.dirname(out)} 不存在。`);
    const imageBase = typeof values['image-base'] === 'string' ? { imageBase: values['image-base'] } : {};
    const core = await openExistingCore(resolveDataDir(values));
    try {
      const { token } = await core.localSession('article.read', undefined);
      const call = async (method: MethodName, input: unknown): Promise<ExportFile> => {
        const outcome = await core.dispatch({ sessionToken: token, transport: 'cli' }, method, input);
        if (!outcome.response.ok) throw new CliError(outcome.response.error.message);
        return outcome.response.result as ExportFile;
      };
      const file = story !== null ? await call('export.story', { articleId: story, format, ...imageBase }) : await call('export.edition', { date: edition, ...imageBase });
      fs.writeFileSync(out, file.text);
      print(values.json, { out, format, fileName: file.fileName, bytes: Buffer.byteLength(file.text) }, `已导出（${format}）：${out}`);
    } finally {
      await core.close();
    }
  },
};
