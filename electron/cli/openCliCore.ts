import fs from 'node:fs';
import path from 'node:path';
import { openCore, type Core } from '../core/core';
import { DB_FILE_NAME } from '../core/db/connection';
import { CoreOpenError } from '../core/errors';
import { CliError } from './cliError';

/** Opens an existing newsroom's core for a command; a missing or refused database becomes one plain CLI error line. */
export async function openExistingCore(dataDir: string): Promise<Core> {
  if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) {
    throw new CliError(`数据文件夹 ${dataDir} 中没有数据库（${DB_FILE_NAME}）。请用 --data-dir 指向编辑部的数据文件夹。`);
  }
  return openCore({ dataDir }).catch((error: unknown) => {
    throw error instanceof CoreOpenError ? new CliError(error.message) : error;
  });
}
