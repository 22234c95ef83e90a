import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/dataDir';
import { DEMO_PASSWORD } from '../core/demo/seedDemo';
import { CliError } from './cliError';
import { backupDatabase, checkDatabase, createDemo } from './maintenance';

const USAGE = `用法：npm run cli -- <命令> [--data-dir 文件夹] [--json] [--debug]
命令：
  check            检查数据库完整性与结构版本
  backup OUT.db    在线备份数据库（程序运行时也能得到一致的副本）
  demo             在空文件夹中建立演示编辑部`;

type Values = { 'data-dir'?: string; json: boolean; debug: boolean; help: boolean };

function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

async function run(command: string | undefined, args: string[], values: Values): Promise<void> {
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  switch (command) {
    case 'check': {
      const report = checkDatabase(dataDir);
      const ok = report.integrity === 'ok' && report.foreignKeyProblems === 0;
      print(
        values.json,
        { ok, ...report },
        [
          `数据文件夹：${report.dataDir}`,
          `结构版本：${report.schemaVersion}（最新 ${report.latestSchemaVersion}，待迁移 ${report.pendingMigrations}）`,
          `完整性检查：${report.integrity}`,
          `外键问题：${report.foreignKeyProblems}`,
          `稿件 ${report.articles} 篇，用户 ${report.users} 个`,
        ].join('\n'),
      );
      if (!ok) throw new CliError('数据库检查未通过，请从备份恢复。', 2);
      return;
    }
    case 'backup': {
      const out = args[0];
      if (!out) throw new CliError('请给出备份文件名：npm run cli -- backup OUT.db');
      const result = await backupDatabase(dataDir, out);
      print(values.json, result, `已备份到 ${result.out}（${result.bytes} 字节）`);
      return;
    }
    case 'demo': {
      await createDemo(dataDir);
      print(values.json, { dataDir }, `已在 ${dataDir} 建立演示编辑部。演示账号的密码均为 ${DEMO_PASSWORD}。`);
      return;
    }
    default:
      throw new CliError(command ? `未知命令：${command}\n${USAGE}` : USAGE);
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliError(`参数错误：${(error as Error).message}\n${USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  await run(command, rest, parsed.values as Values);
}

main().catch((error: unknown) => {
  if (process.argv.includes('--debug')) console.error(error);
  const message = error instanceof CliError ? error.message : `出错了：${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
});
