import { DEMO_PASSWORD } from '../../core/demo/seedDemo';
import { CliError } from '../cliError';
import { backupDatabase, checkDatabase, createDemo } from '../maintenance';
import { backupPostgres, checkPostgres } from '../postgresMaintenance';
import { print, type CliCommand } from './types';
import { resolveDataDir } from './dataDirOption';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'npm run cli -- check [--data-dir DIR | --database postgres://…] [--json]',
  summary: '检查数据库完整性与结构版本',
  options: { database: { type: 'string' } },
  async run(_args, values) {
    const database = values['database'];
    const report = typeof database === 'string' ? await checkPostgres(database) : checkDatabase(resolveDataDir(values));
    const ok = report.integrityOk && report.foreignKeyProblems === 0;
    print(
      values.json,
      { ok, ...report },
      [
        `${typeof database === 'string' ? '数据库' : '数据文件夹'}：${report.location}`,
        `结构版本：${report.schemaVersion}（最新 ${report.latestSchemaVersion}，待迁移 ${report.pendingMigrations}）`,
        `完整性检查：${report.integrity}`,
        `外键问题：${report.foreignKeyProblems}`,
        `稿件 ${report.articles} 篇，用户 ${report.users} 个`,
      ].join('\n'),
    );
    if (!ok) throw new CliError('数据库检查未通过，请从备份恢复。', 2);
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'npm run cli -- backup OUT [--data-dir DIR | --database postgres://…]',
  summary: '在线备份数据库（程序运行时也能得到一致的副本；PostgreSQL 用 pg_dump）',
  options: { database: { type: 'string' } },
  async run(args, values) {
    const out = args[0];
    if (!out) throw new CliError(`请给出备份文件名：${backupCommand.usage}`);
    const database = values['database'];
    const result = typeof database === 'string' ? await backupPostgres(database, out) : await backupDatabase(resolveDataDir(values), out);
    print(values.json, result, `已备份到 ${result.out}（${result.bytes} 字节）`);
  },
};

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'npm run cli -- demo --data-dir DIR',
  summary: '在空文件夹中建立演示编辑部',
  async run(_args, values) {
    const dataDir = resolveDataDir(values);
    await createDemo(dataDir);
    print(values.json, { dataDir }, `已在 ${dataDir} 建立演示编辑部。演示账号的密码均为 ${DEMO_PASSWORD}。`);
  },
};
