import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreOpenError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';

export type Db = Database.Database;

export const DB_FILE_NAME = 'newsroom.db';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenedDatabase {
  db: Db;
  file: string;
  /** Set when the data folder cannot be written: the app serves a snapshot for reading. */
  readOnlyReason: string | null;
}

function isWritable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Refuses, before SQLite touches it, a file that is not a SQLite database. */
function assertSqliteFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return;
    if (read < 16 || !header.equals(SQLITE_MAGIC)) {
      throw new CoreOpenError(`数据文件 ${file} 不是 SQLite 数据库，无法打开。文件未做任何改动；请检查数据文件夹是否选错。`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a save the UI reports as done survives power loss, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs before any pragma that writes, so a newer database is left byte for byte as it was. */
function assertNotNewer(db: Db, file: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new CoreOpenError(
      `数据库 ${file} 由更新版本的程序创建（结构版本 ${current}，本程序只支持到 ${LATEST_SCHEMA_VERSION}）。为免损坏数据，未打开它；请升级本程序。`,
    );
  }
  return current;
}

function migrate(db: Db, current: number): void {
  if (current === LATEST_SCHEMA_VERSION) return;
  const pending = MIGRATIONS.filter((m) => m.version > current);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

/**
 * A folder we cannot write still opens for reading: SQLite cannot open a WAL
 * database read-only without its -shm file, so we read a private copy.
 */
function openSnapshot(file: string, nativeBinding: string | undefined): Db {
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-readonly-'));
  const copy = path.join(snapshotDir, DB_FILE_NAME);
  fs.copyFileSync(file, copy);
  for (const suffix of ['-wal']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  }
  const db = new Database(copy, nativeBinding ? { nativeBinding } : {});
  db.pragma('foreign_keys = ON');
  db.pragma('query_only = ON');
  return db;
}

function openFailure(file: string, error: unknown): CoreOpenError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new CoreOpenError(`数据文件 ${file} 已损坏或不是本系统的数据库，未做任何改动。请从备份恢复。`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new CoreOpenError(`磁盘已满，无法打开数据库 ${file}。请清理磁盘空间后重试。`);
  }
  return new CoreOpenError(`无法打开数据库 ${file}：${(error as Error).message}`);
}

export function openDatabase(dataDir: string, options: { nativeBinding?: string } = {}): OpenedDatabase {
  const file = path.join(dataDir, DB_FILE_NAME);
  const exists = fs.existsSync(file);
  if (exists) assertSqliteFile(file);

  if (!exists) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new CoreOpenError(`无法创建数据文件夹 ${dataDir}：${(error as Error).message}`);
    }
  }

  const folderWritable = isWritable(dataDir) && (!exists || isWritable(file));
  if (!folderWritable) {
    if (!exists) throw new CoreOpenError(`数据文件夹 ${dataDir} 不可写，无法创建新的数据库。`);
    let db: Db;
    try {
      db = openSnapshot(file, options.nativeBinding);
    } catch (error) {
      throw openFailure(file, error);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== LATEST_SCHEMA_VERSION) {
      db.close();
      throw new CoreOpenError(`数据文件夹 ${dataDir} 只读，且数据库需要升级（版本 ${version}），无法以只读方式打开。`);
    }
    return { db, file, readOnlyReason: `数据文件夹 ${dataDir} 只读：可以查看稿件，但无法保存修改。` };
  }

  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    const current = assertNotNewer(db, file);
    applyPragmas(db);
    migrate(db, current);
  } catch (error) {
    db.close();
    if (error instanceof CoreOpenError) throw error;
    throw openFailure(file, error);
  }
  return { db, file, readOnlyReason: null };
}
