import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKSTOP_PAGES, startCheckpointer } from '../../../electron/core/db/checkpointer';
import { DB_FILE_NAME, openDatabase, type Db } from '../../../electron/core/db/connection';
import { tempDataDir } from '../../support/hostProcess';

/** About 2 MB of rows in small commits: far below the inline backstop, so only the background thread checkpoints them. */
function writeRows(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  for (let i = 0; i < 50; i += 1) db.transaction(() => {
    for (let j = 0; j < 20; j += 1) insert.run('稿'.repeat(700));
  })();
}

describe('the background checkpoint thread', () => {
  let db: Db | null = null;
  afterEach(() => {
    db?.close();
    db = null;
    vi.restoreAllMocks();
  });

  it('moves committed pages into the database file while the main connection only keeps a backstop', async () => {
    const dir = tempDataDir();
    db = openDatabase(dir).db;
    const file = path.join(dir, DB_FILE_NAME);
    const grows = async (from: number) =>
      vi.waitFor(() => expect(fs.statSync(file).size).toBeGreaterThan(from + 1_500_000), { timeout: 10_000, interval: 50 });
    // Commits from before the thread started (the core's own start-up writes) …
    const before = fs.statSync(file).size;
    writeRows(db);
    const checkpointer = startCheckpointer(db, file);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    await grows(before);
    // … and commits while it runs.
    const between = fs.statSync(file).size;
    writeRows(db);
    await grows(between);
    checkpointer.stop();
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 2000 });
  });

  it('closes its connection on stop, so the main connection closes last and removes the WAL', () => {
    const dir = tempDataDir();
    const opened = openDatabase(dir);
    const checkpointer = startCheckpointer(opened.db, opened.file);
    writeRows(opened.db);
    checkpointer.stop();
    opened.db.close();
    expect(fs.existsSync(opened.file + '-wal')).toBe(false);
  });

  it('hands checkpoints back to every commit when the thread cannot run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = tempDataDir();
    db = openDatabase(dir).db;
    const checkpointer = startCheckpointer(db, path.join(dir, DB_FILE_NAME), path.join(dir, 'missing.node'));
    await vi.waitFor(() => expect(db!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000), { timeout: 10_000, interval: 50 });
    expect(error.mock.calls[0]?.[0]).toMatch(/background checkpoints stopped/);
    checkpointer.stop();
  });
});
