import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations/index';
import { CliError } from './cliError';
import { existingDatabaseFile, openCliCore, openReadOnlyDatabase } from './openCliCore';

export interface CheckReport {
  dataDir: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  pendingMigrations: number;
  integrity: string;
  foreignKeyProblems: number;
  articles: number;
  users: number;
}

/** Reads only: an integrity check must never be the thing that changes a damaged file. */
export function checkDatabase(dataDir: string): CheckReport {
  const { db, file } = openReadOnlyDatabase(dataDir);
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const count = (table: string) => {
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } catch {
        return 0;
      }
    };
    return {
      dataDir,
      schemaVersion,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      pendingMigrations: Math.max(0, LATEST_SCHEMA_VERSION - schemaVersion),
      integrity,
      foreignKeyProblems,
      articles: count('articles'),
      users: count('users'),
    };
  } catch (error) {
    throw new CliError(`数据库 ${file} 无法读取（可能不是本系统的数据库或已损坏）：${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** SQLite's online backup: consistent even while the app writes, and never overwrites an existing file. */
export async function backupDatabase(dataDir: string, out: string): Promise<{ out: string; bytes: number }> {
  existingDatabaseFile(dataDir);
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new CliError(`目标文件 ${target} 已存在；为免覆盖，请换一个文件名。`);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`目标文件夹 ${path.dirname(target)} 不存在。`);
  const partial = `${target}.partial`;
  const { db } = openReadOnlyDatabase(dataDir);
  try {
    await db.backup(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new CliError(`磁盘空间不足，备份未完成：${target}`);
    throw new CliError(`备份失败：${(error as Error).message}`);
  } finally {
    db.close();
  }
  return { out: target, bytes: fs.statSync(target).size };
}

export async function createDemo(dataDir: string): Promise<void> {
  const core = await openCliCore(dataDir);
  try {
    const status = await core.dispatch({ sessionToken: null, transport: 'desktop' }, 'setup.status', {});
    if (status.response.ok && (status.response.result as { initialized: boolean }).initialized) {
      throw new CliError(`数据文件夹 ${dataDir} 已经有编辑部，未做改动。请换一个空文件夹。`);
    }
    const outcome = await core.dispatch({ sessionToken: null, transport: 'desktop' }, 'setup.openDemo', {});
    if (!outcome.response.ok) throw new CliError(outcome.response.error.message);
  } finally {
    await core.close();
  }
}
