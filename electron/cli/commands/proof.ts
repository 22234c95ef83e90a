import fs from 'node:fs';
import path from 'node:path';
import type { MethodName } from '../../../shared/api/contract';
import type { EditionBoard } from '../../../shared/layout/board';
import type { ProofFile } from '../../../shared/api/methods/layout';
import { openExistingCore } from '../openCliCore';
import { CliError } from '../cliError';
import { resolveDataDir } from './dataDirOption';
import { print, type CliCommand } from './types';

const USAGE = 'npm run cli -- proof --edition YYYY-MM-DD --page N --out FILE.pdf [--plan FILE.json] [--data-dir DIR] [--json]';

function option(values: Record<string, unknown>, name: string, pattern: RegExp, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`缺少 --${name}（${what}）。用法：${USAGE}`);
  if (!pattern.test(value)) throw new CliError(`--${name} ${value} 不是${what}。用法：${USAGE}`);
  return value;
}

/** 大样 of one page as PDF, and optionally its page plan as JSON, through the dispatcher with a local read session. */
export const proofCommand: CliCommand = {
  name: 'proof',
  usage: USAGE,
  summary: '导出某期某版的大样 PDF（嵌入中文字体）；--plan 另存版面计划 JSON',
  options: { edition: { type: 'string' }, page: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } },
  async run(_args, values) {
    const date = option(values, 'edition', /^\d{4}-\d{2}-\d{2}$/, '日期（YYYY-MM-DD）');
    const number = Number(option(values, 'page', /^\d+$/, '版次（正整数）'));
    const out = path.resolve(option(values, 'out', /\.pdf$/i, '以 .pdf 结尾的文件名'));
    const plan = typeof values['plan'] === 'string' ? path.resolve(values['plan']) : null;
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`文件夹 ${path.dirname(out)} 不存在。`);
    const core = await openExistingCore(resolveDataDir(values));
    try {
      const { token } = await core.localSession('article.read', undefined);
      const call = async <R>(method: MethodName, input: unknown): Promise<R> => {
        const outcome = await core.dispatch({ sessionToken: token, transport: 'cli' }, method, input);
        if (!outcome.response.ok) throw new CliError(outcome.response.error.message);
        return outcome.response.result as R;
      };
      const board = await call<EditionBoard>('layout.board', { date });
      const page = board.pages.find((p) => p.number === number);
      if (!page) throw new CliError(`${date} 这一期没有第 ${number} 版（共 ${board.pages.length} 个版）。`);
      const started = performance.now();
      const proof = await call<ProofFile>('layout.proof', { pageId: page.id });
      fs.writeFileSync(out, Buffer.from(proof.dataBase64, 'base64'));
      if (plan) fs.writeFileSync(plan, `${JSON.stringify(await call('layout.pagePlan', { pageId: page.id }), null, 2)}\n`);
      const ms = Math.round(performance.now() - started);
      print(values.json, { out, plan, page: number, name: page.name, ms }, `已导出第 ${number} 版“${page.name}”大样：${out}${plan ? `\n版面计划：${plan}` : ''}`);
    } finally {
      await core.close();
    }
  },
};
