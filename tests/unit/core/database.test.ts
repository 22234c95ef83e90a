import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore, CoreOpenError } from '../../../electron/core/core';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { tempDataDir } from '../../support/hostProcess';

/** Each file of the folder with a hash of its bytes; the -shm index only by name (SQLite rebuilds it from the WAL). */
function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, name.endsWith('-shm') ? 'present' : createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex')]),
  );
}

/**
 * A database as a process killed mid-work leaves it: committed changes still in the -wal (here the
 * one that set user_version), with the -shm beside it or not.
 */
function crashedWith(dir: string, userVersion: number, keepShm: boolean): void {
  const file = path.join(dir, DB_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE future (x)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  db.exec("INSERT INTO future VALUES ('a row of the newer version')");
  db.pragma(`user_version = ${userVersion}`);
  const snapshot = fs.mkdtempSync(path.join(dir, '..', 'snapshot-'));
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, path.join(snapshot, DB_FILE_NAME + suffix));
  db.close();
  for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name));
  for (const name of fs.readdirSync(snapshot)) if (keepShm || !name.endsWith('-shm')) fs.copyFileSync(path.join(snapshot, name), path.join(dir, name));
  fs.rmSync(snapshot, { recursive: true });
}

describe('opening the data folder', () => {
  it('creates the schema in WAL mode with foreign keys, a busy timeout and the latest user_version', async () => {
    const dir = tempDataDir();
    const core = await openCore({ dataDir: dir });
    await core.close();
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'roles', 'articles', 'revisions', 'audit_log', 'editions', 'pages', 'page_templates']));
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, DB_FILE_NAME);
    const original = Buffer.from('这不是数据库，是一份会议纪要。\n'.repeat(100));
    fs.writeFileSync(file, original);
    await expect(openCore({ dataDir: dir })).rejects.toThrow(CoreOpenError);
    await expect(openCore({ dataDir: dir })).rejects.toThrow(/不是 SQLite 数据库/);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, DB_FILE_NAME);
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    await expect(openCore({ dataDir: dir })).rejects.toThrow(/更新版本的程序创建/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it.each([
    ['with its -shm', true],
    ['without its -shm', false],
  ])('refuses a newer database whose version waits in a pending -wal (%s), and leaves the folder as found', async (_name, keepShm) => {
    const dir = tempDataDir();
    crashedWith(dir, LATEST_SCHEMA_VERSION + 3, keepShm);
    expect(fs.readFileSync(path.join(dir, DB_FILE_NAME)).readUInt32BE(60)).toBe(0);
    expect(fs.statSync(path.join(dir, DB_FILE_NAME + '-wal')).size).toBeGreaterThan(0);
    const before = folderState(dir);
    await expect(openCore({ dataDir: dir })).rejects.toThrow(/更新版本的程序创建（结构版本 \d+/);
    expect(folderState(dir)).toEqual(before);
  });

  it.each([
    ['in its own journal mode', 'DELETE'],
    ['in WAL mode', 'WAL'],
  ])("refuses another application's SQLite file (%s) without adding our schema or switching its journal", async (_name, mode) => {
    const dir = tempDataDir();
    const file = path.join(dir, DB_FILE_NAME);
    const other = new Database(file);
    other.pragma(`journal_mode = ${mode}`);
    other.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('张三', '0731-1234567')");
    other.close();
    const before = folderState(dir);
    await expect(openCore({ dataDir: dir })).rejects.toThrow(/不是本系统的数据库/);
    expect(folderState(dir)).toEqual(before);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'contacts' }]);
    reopened.close();
  });

  it('migrates an older database in one step and keeps its rows', async () => {
    const dir = tempDataDir();
    const first = await openCore({ dataDir: dir, demo: true });
    await first.close();
    const again = await openCore({ dataDir: dir });
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBeGreaterThanOrEqual(10);
    db.close();
    await again.close();
  });

  it('keeps revisions and the audit log append-only', async () => {
    const dir = tempDataDir();
    const core = await openCore({ dataDir: dir, demo: true });
    await core.close();
    const db = new Database(path.join(dir, DB_FILE_NAME));
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE revisions SET reason = 'x'")).toThrow(/append-only/);
    db.close();
  });
});
