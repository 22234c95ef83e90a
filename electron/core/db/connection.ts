import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreOpenError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { openReadOnly } from './readOnly';

export type Db = Database.Database;

export const DB_FILE_NAME = 'newsroom.db';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenedDatabase {
  db: Db;
  file: string;
  /** Set when the data folder cannot be written: the app serves a snapshot for reading. */
  readOnlyReason: string | null;
  /** Closes the connection; a read-only snapshot's private copy goes with it. */
  close(): void;
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

function newerVersion(file: string, version: number): CoreOpenError {
  return new CoreOpenError(
    `数据库 ${file} 由更新版本的程序创建（结构版本 ${version}，本程序只支持到 ${LATEST_SCHEMA_VERSION}）。为免损坏数据，未打开它；请升级本程序。`,
  );
}

function notOurs(file: string): CoreOpenError {
  return new CoreOpenError(`数据文件 ${file} 是别的程序的 SQLite 数据库，不是本系统的数据库，未做任何改动。请检查数据文件夹是否选错。`);
}

/**
 * What a database is, read before anything opens it for writing: a read-write connection would
 * merge a pending -wal into the file when it closes, and our pragmas would switch another
 * program's database to WAL. The version is read through SQLite (a version set by the last
 * commit may still wait in the -wal, where the file header does not show it).
 */
function probe(file: string, nativeBinding: string | undefined): number {
  let reader;
  try {
    reader = openReadOnly(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    const version = reader.db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw newerVersion(file, version);
    // Version 0 is a database we have not yet built; one that already holds tables is another program's.
    const objects = (reader.db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
    if (version === 0 && objects > 0) throw notOurs(file);
    return version;
  } catch (error) {
    if (error instanceof CoreOpenError) throw error;
    throw openFailure(file, error);
  } finally {
    reader.close();
  }
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
 * database read-only without its -shm file, so we read a private copy in the
 * temp folder, removed when the database is closed.
 */
function openSnapshot(file: string, nativeBinding: string | undefined): OpenedDatabase {
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-readonly-'));
  const removeCopy = () => fs.rmSync(snapshotDir, { recursive: true, force: true });
  try {
    const copy = path.join(snapshotDir, DB_FILE_NAME);
    fs.copyFileSync(file, copy);
    if (fs.existsSync(file + '-wal')) fs.copyFileSync(file + '-wal', copy + '-wal');
    const db = new Database(copy, nativeBinding ? { nativeBinding } : {});
    db.pragma('foreign_keys = ON');
    db.pragma('query_only = ON');
    return {
      db,
      file,
      readOnlyReason: `数据文件夹 ${path.dirname(file)} 只读：可以查看稿件，但无法保存修改。`,
      close() {
        db.close();
        removeCopy();
      },
    };
  } catch (error) {
    removeCopy();
    throw error;
  }
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
    let snapshot: OpenedDatabase;
    try {
      snapshot = openSnapshot(file, options.nativeBinding);
    } catch (error) {
      throw openFailure(file, error);
    }
    const version = snapshot.db.pragma('user_version', { simple: true }) as number;
    if (version !== LATEST_SCHEMA_VERSION) {
      snapshot.close();
      if (version > LATEST_SCHEMA_VERSION) throw newerVersion(file, version);
      throw new CoreOpenError(`数据文件夹 ${dataDir} 只读，且数据库需要升级（版本 ${version}），无法以只读方式打开。`);
    }
    return snapshot;
  }

  const current = exists ? probe(file, options.nativeBinding) : 0;
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    applyPragmas(db);
    migrate(db, current);
  } catch (error) {
    db.close();
    if (error instanceof CoreOpenError) throw error;
    throw openFailure(file, error);
  }
  return { db, file, readOnlyReason: null, close: () => db.close() };
}
