import fs from 'node:fs';
import path from 'node:path';
import type { FileFilter, PickedFile } from '../../shared/api/bridge';

/**
 * How the open/save dialog handlers answer the preload. An invoke that throws
 * reaches the page as "Error invoking remote method …: Error: …", so failures
 * travel as data and the preload rethrows them with the plain sentence only.
 */
export type DialogReply<T> = { ok: true; value: T } | { ok: false; message: string };

export const MAX_OPEN_FILE_BYTES = 100 * 1024 * 1024;
/** The largest thing the app saves is a full-resolution photo export or a page proof; far below this. */
export const MAX_SAVE_FILE_BYTES = 200 * 1024 * 1024;

export interface OpenFileRequest {
  title?: string;
  filters: FileFilter[];
}

export interface SaveFileRequest {
  title?: string;
  suggestedName: string;
  data: Uint8Array;
  filters: FileFilter[];
}

class DialogError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseTitle(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 200) throw new DialogError('对话框标题无效。');
  return value;
}

function parseFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value) || value.length > 20) throw new DialogError('文件类型列表无效。');
  return value.map((item) => {
    if (!isRecord(item) || typeof item['name'] !== 'string' || item['name'].length > 100) {
      throw new DialogError('文件类型列表无效。');
    }
    const extensions = item['extensions'];
    if (
      !Array.isArray(extensions) ||
      extensions.length > 20 ||
      !extensions.every((ext) => typeof ext === 'string' && /^(\*|[A-Za-z0-9]{1,16})$/.test(ext))
    ) {
      throw new DialogError('文件扩展名无效。');
    }
    return { name: item['name'], extensions: extensions as string[] };
  });
}

/** The renderer is untrusted: these check shape and size before anything reaches a native dialog. */
export function parseOpenFileRequest(raw: unknown): OpenFileRequest {
  if (!isRecord(raw)) throw new DialogError('打开文件的请求格式不正确。');
  return { title: parseTitle(raw['title']), filters: parseFilters(raw['filters']) };
}

export function parseSaveFileRequest(raw: unknown): SaveFileRequest {
  if (!isRecord(raw)) throw new DialogError('保存文件的请求格式不正确。');
  const { suggestedName, data } = raw;
  if (typeof suggestedName !== 'string' || suggestedName.length > 255) throw new DialogError('建议的文件名无效。');
  if (!(data instanceof Uint8Array)) throw new DialogError('要保存的内容格式不正确。');
  if (data.byteLength > MAX_SAVE_FILE_BYTES) {
    throw new DialogError(`要保存的内容有 ${formatMegabytes(data.byteLength)}，超过 ${formatMegabytes(MAX_SAVE_FILE_BYTES)} 的上限，未保存。`);
  }
  return { title: parseTitle(raw['title']), suggestedName, data, filters: parseFilters(raw['filters']) };
}

/** Only a bare file name may seed the save dialog: the renderer must not steer it to a folder. */
export function safeFileName(suggested: string): string {
  const cleaned = path.basename(suggested.replace(/\\/g, '/')).replace(/[<>:"|?*\u0000-\u001f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '未命名' : cleaned;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export async function readPickedFile(filePath: string): Promise<PickedFile> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_OPEN_FILE_BYTES) {
      throw new DialogError(
        `文件“${path.basename(filePath)}”有 ${formatMegabytes(size)}，超过 ${formatMegabytes(MAX_OPEN_FILE_BYTES)} 的上限，未打开。`,
      );
    }
    const data = await handle.readFile();
    // A copy, not a view: IPC clones a view's whole backing buffer, which for a Buffer may be shared.
    return { name: path.basename(filePath), data: new Uint8Array(data) };
  } finally {
    await handle.close();
  }
}

/** A DialogError already speaks to the user; file-system errors get a sentence naming the file. */
export function dialogFailure(error: unknown, filePath: string | null, action: '打开' | '保存'): DialogReply<never> {
  if (error instanceof DialogError) return { ok: false, message: error.message };
  const code = isRecord(error) && typeof error['code'] === 'string' ? error['code'] : '';
  const name = filePath === null ? '文件' : `文件“${path.basename(filePath)}”`;
  const reasons: Record<string, string> = {
    ENOENT: '文件或文件夹不存在',
    EACCES: '没有访问权限',
    EPERM: '没有访问权限',
    EROFS: '所在位置只读',
    ENOSPC: '磁盘空间不足',
    EISDIR: '这是一个文件夹',
  };
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return { ok: false, message: `无法${action}${name}：${reason}。` };
}
