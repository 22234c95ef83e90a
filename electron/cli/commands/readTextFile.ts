import fs from 'node:fs';
import { CliError } from '../cliError';

/** Plain text in, validated: a missing, binary or non-UTF-8 file gets one clear line. */
export function readTextFile(file: string | undefined, usage: string): string {
  if (!file) throw new CliError(`缺少文件参数。用法：${usage}`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `${file} 是文件夹，不是文本文件` : `无法读取 ${file}：${(error as Error).message}`);
  }
  if (bytes.includes(0)) throw new CliError(`${file} 不是纯文本文件（含有二进制内容）。`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`${file} 不是 UTF-8 编码的文本。请先另存为 UTF-8。`);
  }
}
