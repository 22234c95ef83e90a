import fs from 'node:fs';
import path from 'node:path';
import type { PhotoImportResult } from '../../../shared/api/methods/photos';
import { MAX_PHOTO_BYTES } from '../../../shared/api/methods/photos';
import { ApiError } from '../../../shared/api/errors';
import { openExistingCore } from '../openCliCore';
import { MAX_INPUT_PIXELS, PhotoRefused, inspectPhoto, refusalFor } from '../../core/photos/inspectPhoto';
import { previewOf } from '../../core/photos/thumbnails';
import { CliError } from '../cliError';
import { resolveDataDir } from './dataDirOption';
import { print, type CliCommand, type CliValues } from './types';

const USAGE = 'npm run cli -- photo inspect FILE [--json] | photo import DIR [--data-dir DIR] [--json] [--as USERNAME]';

function readFile(file: string | undefined): Buffer {
  if (!file) throw new CliError(`缺少文件参数。用法：${USAGE}`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `${file} 是文件夹，不是图片` : `无法读取 ${file}：${(error as Error).message}`);
  }
}

/** What an import would read from the file; nothing is written. The whole image is decoded, so a truncated file is refused here as on import. */
async function inspect(file: string | undefined, json: boolean): Promise<void> {
  const bytes = readFile(file);
  let inspected;
  try {
    inspected = await inspectPhoto(bytes);
    await previewOf(bytes, MAX_INPUT_PIXELS).catch((error: unknown) => {
      throw refusalFor(error, bytes);
    });
  } catch (error) {
    if (error instanceof PhotoRefused) throw new CliError(`${path.basename(file!)}：${error.message}`);
    throw error;
  }
  const m = inspected.metadata;
  const out = {
    width: inspected.width,
    height: inspected.height,
    orientation: inspected.orientation,
    caption: m.caption ?? null,
    creators: m.creators,
    credit: m.credit ?? null,
    source: m.source ?? null,
    copyright: m.copyright ?? null,
    keywords: m.keywords,
    city: m.city ?? null,
    province: m.province ?? null,
    country: m.country ?? null,
    dateCreated: m.dateCreated ?? null,
    gps: m.gps ?? null,
  };
  const lines = [
    `${path.basename(file!)}：${inspected.format.toUpperCase()} ${inspected.width} × ${inspected.height}（方向 ${inspected.orientation}）`,
    ...Object.entries(out)
      .filter(([k, v]) => !['width', 'height', 'orientation'].includes(k) && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `  ${k}: ${Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`),
  ];
  print(json, out, lines.join('\n'));
}

function folderFiles(dir: string | undefined): string[] {
  if (!dir) throw new CliError(`缺少文件夹参数。用法：${USAGE}`);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `找不到文件夹：${dir}` : code === 'ENOTDIR' ? `${dir} 不是文件夹` : `无法读取文件夹 ${dir}：${(error as Error).message}`);
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

const STATUS_LABEL = { imported: '已导入', duplicate: '已有（重复，未再存）', refused: '拒收' } as const;

/** Each file of a folder through the core's dispatcher (same checks as the app); a refused file does not stop the rest. */
async function importFolder(dir: string | undefined, values: CliValues, username: string | undefined): Promise<void> {
  const files = folderFiles(dir);
  if (files.length === 0) throw new CliError(`${dir} 中没有文件。`);
  const dataDir = resolveDataDir(values);
  const core = await openExistingCore(dataDir);
  const results: PhotoImportResult[] = [];
  try {
    if (core.readOnlyReason) throw new CliError(`${core.readOnlyReason}没有导入任何图片。`);
    const { token } = await core.localSession('photo.manage', username);
    for (const file of files) {
      const fileName = path.basename(file);
      let result: PhotoImportResult;
      const size = fs.statSync(file).size;
      if (size > MAX_PHOTO_BYTES) {
        result = { status: 'refused', fileName, message: `图片文件不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，未导入。` };
      } else {
        const outcome = await core.dispatch({ sessionToken: token, transport: 'cli' }, 'photos.import', { fileName, dataBase64: fs.readFileSync(file).toString('base64') });
        result = outcome.response.ok ? (outcome.response.result as PhotoImportResult) : { status: 'refused', fileName, message: outcome.response.error.message };
      }
      results.push(result);
      if (!values.json) process.stdout.write(`${STATUS_LABEL[result.status]}  ${fileName}${result.status === 'refused' ? `：${result.message}` : `  ${result.photo.width}×${result.photo.height}  ${result.photo.caption}`}\n`);
    }
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  } finally {
    await core.close();
  }
  const refused = results.filter((r) => r.status === 'refused').length;
  const summary = `共 ${results.length} 个文件：导入 ${results.filter((r) => r.status === 'imported').length}，重复 ${results.filter((r) => r.status === 'duplicate').length}，拒收 ${refused}`;
  if (values.json) {
    print(true, { files: results.map((r) => (r.status === 'refused' ? r : { status: r.status, fileName: r.fileName, photoId: r.photo.id, caption: r.photo.caption })) }, '');
  } else {
    process.stdout.write(`${summary}\n`);
  }
  if (refused > 0) throw new CliError(values.json ? '' : `${refused} 个文件被拒收。`, 3);
}

export const photoCommand: CliCommand = {
  name: 'photo',
  usage: USAGE,
  summary: 'photo inspect：显示导入时会读到的图片信息（IPTC/XMP/EXIF）；photo import：导入整个文件夹的图片并逐个报告，有拒收时退出码为 3',
  options: { as: { type: 'string' } },
  async run(args, values) {
    const [sub, target] = args;
    if (sub === 'inspect') return inspect(target, values.json);
    if (sub === 'import') return importFolder(target, values, typeof values['as'] === 'string' ? values['as'] : undefined);
    throw new CliError(`未知的子命令“${sub ?? ''}”。用法：${USAGE}`);
  },
};
