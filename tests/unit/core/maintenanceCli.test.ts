import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cli, refused } from '../../support/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { ROOT, tempDataDir } from '../../support/hostProcess';

let scratch: string;
let newsroom: string;
beforeAll(() => {
  // Chinese and spaces in the path, as a newsroom's share names them.
  scratch = tempDataDir('newsroom-maint-cli-');
  newsroom = path.join(scratch, '江城日报 数据');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('npm run cli -- demo / check / backup', { timeout: 120_000 }, () => {
  it('demo builds the demo newsroom once and will not build it over an existing one', () => {
    const made = cli('demo', '--data-dir', newsroom);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('已在');
    refused(cli('demo', '--data-dir', newsroom), /已经有编辑部，未做改动/);
  });

  it('check reports integrity, schema version and counts, as text and as JSON', () => {
    const files = fs.readdirSync(newsroom).sort();
    const text = cli('check', '--data-dir', newsroom);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('完整性检查：ok');
    expect(text.stdout).toContain(`结构版本：${LATEST_SCHEMA_VERSION}（最新 ${LATEST_SCHEMA_VERSION}，待迁移 0）`);
    const json = JSON.parse(cli('check', '--data-dir', newsroom, '--json').stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: true, integrity: 'ok', foreignKeyProblems: 0, schemaVersion: LATEST_SCHEMA_VERSION, pendingMigrations: 0 });
    expect(json['articles']).toBeGreaterThan(0);
    // Reading only: no -wal or -shm left behind by the check.
    expect(fs.readdirSync(newsroom).sort()).toEqual(files);
  });

  it('backup writes a consistent copy that opens with the same stories, and never overwrites a file', () => {
    const out = path.join(scratch, '备份 一.db');
    const done = cli('backup', out, '--data-dir', newsroom);
    expect(done.status, done.stderr).toBe(0);
    const count = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return [db.pragma('integrity_check', { simple: true }), (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n];
      } finally {
        db.close();
      }
    };
    expect(count(out)).toEqual(count(path.join(newsroom, DB_FILE_NAME)));
    const before = fs.readFileSync(out);
    refused(cli('backup', out, '--data-dir', newsroom), /已存在；为免覆盖/);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    refused(cli('backup', path.join(scratch, '没有这个文件夹', 'x.db'), '--data-dir', newsroom), /不存在/);
    refused(cli('backup', '--data-dir', newsroom), /请给出备份文件名/);
  });

  it('a folder without a database, or a file that is not SQLite, gets one line and is left as it was', () => {
    const empty = path.join(scratch, '空文件夹');
    fs.mkdirSync(empty);
    refused(cli('check', '--data-dir', empty), `数据文件夹 ${empty} 中没有数据库（${DB_FILE_NAME}）`);
    expect(fs.readdirSync(empty)).toEqual([]);
    const notes = path.join(scratch, '会议纪要');
    fs.mkdirSync(notes);
    const original = Buffer.from('这不是数据库，是一份会议纪要。\n'.repeat(200));
    fs.writeFileSync(path.join(notes, DB_FILE_NAME), original);
    refused(cli('check', '--data-dir', notes), /无法读取（可能不是本系统的数据库或已损坏）/);
    refused(cli('demo', '--data-dir', notes), /不是 SQLite 数据库/);
    expect(fs.readFileSync(path.join(notes, DB_FILE_NAME)).equals(original)).toBe(true);
  });
});

/** Another process saving as fast as it can: what a busy night looks like to a backup. */
function startWriter(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS night_saves (n INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO night_saves (body) VALUES (?)');
    const body = '记者从江城市轨道交通集团获悉。'.repeat(40);
    let started = false;
    const tick = () => {
      insert.run(body);
      if (!started) { started = true; process.stdout.write('writing\\n'); }
      setTimeout(tick, 1);
    };
    tick();
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
  });
}

/** The CLI in its own process, given up (and killed) after `timeoutMs`: null then. */
function cliWithin(timeoutMs: number, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string } | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, timeoutMs);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('npm run cli -- backup while the newsroom works', { timeout: 180_000 }, () => {
  it('finishes on a 60 MB database while another process saves continuously, and the copy holds what was saved before it began', async () => {
    const dir = path.join(scratch, '忙碌的夜班');
    expect(cli('demo', '--data-dir', dir).status).toBe(0);
    const file = path.join(dir, DB_FILE_NAME);
    const fill = new Database(file);
    fill.exec('CREATE TABLE archive_filler (x BLOB)');
    const insert = fill.prepare('INSERT INTO archive_filler VALUES (randomblob(1048576))');
    fill.transaction(() => {
      for (let i = 0; i < 60; i += 1) insert.run();
    })();
    fill.close();

    const writer = await startWriter(file);
    try {
      await new Promise((done) => setTimeout(done, 300));
      const probe = new Database(file, { readonly: true });
      const before = (probe.prepare('SELECT max(n) AS n FROM night_saves').get() as { n: number }).n;
      probe.close();
      const out = path.join(scratch, '夜班备份.db');
      const done = await cliWithin(90_000, 'backup', out, '--data-dir', dir);
      expect(done, 'the backup did not finish within 90 s while the writer ran').not.toBeNull();
      expect(done!.status, done!.stderr).toBe(0);

      const copy = new Database(out, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM night_saves WHERE n <= ?').get(before) as { n: number }).n).toBe(before);
      expect((copy.prepare('SELECT count(*) AS n FROM archive_filler').get() as { n: number }).n).toBe(60);
      expect((copy.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBeGreaterThan(0);
      copy.close();
      expect(fs.readdirSync(scratch).filter((name) => name.startsWith('夜班备份'))).toEqual(['夜班备份.db']);
    } finally {
      writer.kill();
    }
  });

  it('a backup that fails part-way (a damaged page) says so in one line and leaves nothing behind', () => {
    const dir = path.join(scratch, '损坏的库');
    expect(cli('demo', '--data-dir', dir).status).toBe(0);
    const file = path.join(dir, DB_FILE_NAME);
    const fill = new Database(file);
    fill.exec('CREATE TABLE archive_filler (x BLOB)');
    fill.prepare('INSERT INTO archive_filler VALUES (randomblob(4000000))').run();
    fill.pragma('wal_checkpoint(TRUNCATE)');
    fill.close();
    // Scribble over the overflow pages near the end of the file: reading them fails, the header still opens.
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(64 * 1024, 0xff), 0, 64 * 1024, size - 512 * 1024);
    fs.closeSync(fd);

    const folder = path.join(scratch, '备份目标');
    fs.mkdirSync(folder);
    const run = cli('backup', path.join(folder, '坏库备份.db'), '--data-dir', dir);
    refused(run, /备份失败/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
