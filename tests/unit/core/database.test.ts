import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore, CoreOpenError } from '../../../electron/core/core';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { tempDataDir } from '../../support/hostProcess';

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
