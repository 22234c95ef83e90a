import fs from 'node:fs';
import path from 'node:path';
import type { MethodName } from '../../../shared/api/contract';
import type { EditionBoard } from '../../../shared/layout/board';
import type { ProofFile } from '../../../shared/api/methods/layout';
import { openExistingCore } from '../openCliCore';
import { CliError } from '../cliError';
import { resolveDataDir } from './dataDirOption';
import { print, type CliCommand } from './types';

const USAGE =
  'npm run cli -- proof --edition YYYY-MM-DD (--page N --out FILE.pdf [--plan FILE.json] | --all --out DIR) [--grey] [--data-dir DIR] [--json]';

function option(values: Record<string, unknown>, name: string, pattern: RegExp, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`缺少 --${name}（${what}）。用法：${USAGE}`);
  if (!pattern.test(value)) throw new CliError(`--${name} ${value} 不是${what}。用法：${USAGE}`);
  return value;
}

/**
 * 大样 of one page (or of every page, into a folder) as PDF, and optionally the page plan as JSON,
 * through the dispatcher with a local read session. What the proof could not set as asked (a face
 * that fell back, a photo below 300 dpi) goes to stderr.
 */
export const proofCommand: CliCommand = {
  name: 'proof',
  usage: USAGE,
  summary: '导出某期某版（--all 为全部版面）的大样 PDF（嵌入所用字体的子集）；--grey 黑白；--plan 另存版面计划 JSON',
  options: { edition: { type: 'string' }, page: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' }, all: { type: 'boolean' }, grey: { type: 'boolean' } },
  async run(_args, values) {
    const date = option(values, 'edition', /^\d{4}-\d{2}-\d{2}$/, '日期（YYYY-MM-DD）');
    const all = values['all'] === true;
    if (all && values['page'] !== undefined) throw new CliError(`--all 和 --page 只能用一个。用法：${USAGE}`);
    const number = all ? null : Number(option(values, 'page', /^\d+$/, '版次（正整数）'));
    const out = path.resolve(all ? option(values, 'out', /./, '保存大样的文件夹') : option(values, 'out', /\.pdf$/i, '以 .pdf 结尾的文件名'));
    const plan = typeof values['plan'] === 'string' ? path.resolve(values['plan']) : null;
    if (all && plan) throw new CliError(`--plan 只用于单个版面（--page）。用法：${USAGE}`);
    if (all && !(fs.existsSync(out) && fs.statSync(out).isDirectory())) throw new CliError(`文件夹 ${out} 不存在。`);
    if (!all && !fs.existsSync(path.dirname(out))) throw new CliError(`文件夹 ${path.dirname(out)} 不存在。`);
    const grey = values['grey'] === true ? { grey: true } : {};
    const core = await openExistingCore(resolveDataDir(values));
    try {
      const { token } = await core.localSession('article.read', undefined);
      const call = async <R>(method: MethodName, input: unknown): Promise<R> => {
        const outcome = await core.dispatch({ sessionToken: token, transport: 'cli' }, method, input);
        if (!outcome.response.ok) throw new CliError(outcome.response.error.message);
        return outcome.response.result as R;
      };
      const board = await call<EditionBoard>('layout.board', { date });
      const pages = all ? board.pages : board.pages.filter((p) => p.number === number);
      if (pages.length === 0) throw new CliError(number === null ? `${date} 这一期还没有版面。` : `${date} 这一期没有第 ${number} 版（共 ${board.pages.length} 个版）。`);
      const written: { page: number; name: string; out: string; ms: number; warnings: string[] }[] = [];
      for (const page of pages) {
        const started = performance.now();
        const proof = await call<ProofFile>('layout.proof', { pageId: page.id, ...grey });
        const file = all ? path.join(out, proof.fileName) : out;
        fs.writeFileSync(file, Buffer.from(proof.dataBase64, 'base64'));
        for (const warning of proof.warnings) process.stderr.write(`第 ${page.number} 版：${warning}\n`);
        written.push({ page: page.number, name: page.name, out: file, ms: Math.round(performance.now() - started), warnings: proof.warnings });
      }
      if (plan) fs.writeFileSync(plan, `${JSON.stringify(await call('layout.pagePlan', { pageId: pages[0]!.id }), null, 2)}\n`);
      const text = written.map((w) => `已导出第 ${w.page} 版“${w.name}”大样：${w.out}`).join('\n') + (plan ? `\n版面计划：${plan}` : '');
      print(values.json, all ? { pages: written } : { ...written[0]!, plan }, text);
    } finally {
      await core.close();
    }
  },
};
