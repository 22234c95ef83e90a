import fs from 'node:fs';
import path from 'node:path';
import { openCore, type Core } from '../core/core';
import { DB_FILE_NAME } from '../core/db/connection';
import { openReadOnly, type ReadOnlyDatabase } from '../core/db/readOnly';
import { CoreOpenError } from '../core/errors';
import { CliError } from './cliError';

/** The database file of an existing newsroom; a folder without one is one plain CLI error line. */
export function existingDatabaseFile(dataDir: string): string {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) {
    throw new CliError(`数据文件夹 ${dataDir} 中没有数据库（${DB_FILE_NAME}）。请用 --data-dir 指向编辑部的数据文件夹。`);
  }
  return file;
}

/**
 * An existing newsroom's database opened read-only, without the core: no migration, no pragma that
 * writes, and no -wal or -shm left behind (see core/db/readOnly.ts).
 */
export function openReadOnlyDatabase(dataDir: string): ReadOnlyDatabase & { file: string } {
  const file = existingDatabaseFile(dataDir);
  try {
    return { ...openReadOnly(file), file };
  } catch (error) {
    throw new CliError(`无法打开数据库 ${file}：${(error as Error).message}`);
  }
}

/** Opens the core for a command; a refused database (newer, not SQLite, damaged) becomes one plain CLI error line. */
export function openCliCore(dataDir: string): Promise<Core> {
  return openCore({ dataDir }).catch((error: unknown) => {
    throw error instanceof CoreOpenError ? new CliError(error.message) : error;
  });
}

/** Opens an existing newsroom's core for a command. */
export function openExistingCore(dataDir: string): Promise<Core> {
  existingDatabaseFile(dataDir);
  return openCliCore(dataDir);
}
