import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations/index';
import { CliError } from './cliError';
import { existingDatabaseFile, openCliCore, openReadOnlyDatabase } from './openCliCore';

export interface CheckReport {
  /** the data folder, or the PostgreSQL address without its password */
  location: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  pendingMigrations: number;
  integrity: string;
  integrityOk: boolean;
  foreignKeyProblems: number;
  articles: number;
  users: number;
}

/** Reads only: an integrity check must never be the thing that changes a damaged file. */
export function checkDatabase(dataDir: string): CheckReport {
  const reader = openReadOnlyDatabase(dataDir);
  const { db, file } = reader;
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
      location: dataDir,
      schemaVersion,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      pendingMigrations: Math.max(0, LATEST_SCHEMA_VERSION - schemaVersion),
      integrity,
      integrityOk: integrity === 'ok',
      foreignKeyProblems,
      articles: count('articles'),
      users: count('users'),
    };
  } catch (error) {
    throw new CliError(`数据库 ${file} 无法读取（可能不是本系统的数据库或已损坏）：${(error as Error).message}`);
  } finally {
    reader.close();
  }
}

/** Where a backup goes: a file that does not exist yet in a folder that does, written first under a temp name beside it. */
export function backupTarget(out: string): { target: string; folder: string; partial: string } {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new CliError(`目标文件 ${target} 已存在；为免覆盖，请换一个文件名。`);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new CliError(`目标文件夹 ${folder} 不存在。`);
  return { target, folder, partial: path.join(folder, `.${path.basename(target)}.${process.pid}.partial`) };
}

/**
 * `VACUUM INTO` on a read-only connection: it copies one read snapshot, so it is consistent and
 * finishes however often others write (SQLite's online backup restarts on every write by another
 * connection, and on a large database under steady saves never finished). Written under a temp name,
 * synced, and renamed only when complete; a failure leaves no file behind. Never overwrites.
 */
export async function backupDatabase(dataDir: string, out: string): Promise<{ out: string; bytes: number }> {
  existingDatabaseFile(dataDir);
  const { target, folder, partial } = backupTarget(out);
  const reader = openReadOnlyDatabase(dataDir);
  const { db } = reader;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    syncFile(partial);
    if (fs.existsSync(target)) throw new CliError(`目标文件 ${target} 已存在；为免覆盖，请换一个文件名。`);
    fs.renameSync(partial, target);
    syncFile(folder);
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code ?? '';
    // SQLite also says "full" when a damaged page points past the end of the file: ask the disk.
    const full = code === 'ENOSPC' || (code === 'SQLITE_FULL' && freeBytes(folder) < fs.statSync(db.name).size);
    if (full) throw new CliError(`磁盘空间不足，备份未完成：${target}`);
    if (code === 'SQLITE_FULL' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new CliError(`备份失败：数据库 ${db.name} 有损坏的页面，读不出完整的副本。请先运行 check，必要时从上一次的备份恢复。`);
    }
    throw new CliError(`备份失败：${(error as Error).message}`);
  } finally {
    reader.close();
  }
  return { out: target, bytes: fs.statSync(target).size };
}

function freeBytes(folder: string): number {
  const stats = fs.statfsSync(folder);
  return stats.bavail * stats.bsize;
}

/** What the rename publishes must already be on disk, and the rename itself too (the folder). */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
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
