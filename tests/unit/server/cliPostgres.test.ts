import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { cli, refused } from '../../support/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { tempDataDir } from '../../support/hostProcess';
import { postgresBinDir, startCluster, type TestCluster } from '../../support/postgres';
import { testStore } from '../../support/testStore';

/** `npm run cli -- check|backup --database …` against a newsroom server's PostgreSQL database. */
describe.runIf(testStore().name === 'postgres')('the maintenance commands on PostgreSQL', { timeout: 120_000 }, () => {
  let cluster: TestCluster;
  let scratch: string;
  let url: string;

  beforeAll(async () => {
    cluster = await startCluster();
    cluster.admin('CREATE DATABASE newsroom');
    cluster.admin('CREATE DATABASE other');
    url = cluster.url('newsroom');
    scratch = tempDataDir('newsroom-pg-cli-');
    const core = await openCore({ dataDir: scratch, database: url, demo: true });
    await core.close();
  }, 120_000);

  afterAll(() => {
    cluster?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('check reads the schema version, the foreign keys and the counts without migrating, and checks every index where amcheck is installed', async () => {
    const plain = cli('check', '--database', url);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(`结构版本：${LATEST_SCHEMA_VERSION}（最新 ${LATEST_SCHEMA_VERSION}，待迁移 0）`);
    expect(plain.stdout).toContain('未逐页检查索引');
    expect(plain.stdout).not.toContain(':newsroom@');

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE EXTENSION amcheck');
    await admin.end();
    const json = JSON.parse(cli('check', '--database', url, '--json').stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: true, integrity: 'ok', foreignKeyProblems: 0, schemaVersion: LATEST_SCHEMA_VERSION, pendingMigrations: 0 });
    expect(json['articles']).toBeGreaterThan(0);
  });

  it('backup writes a pg_dump archive that restores with the same stories, and never overwrites a file', () => {
    const out = path.join(scratch, '备份 一.dump');
    const done = cli('backup', out, '--database', url);
    expect(done.status, done.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('PGDMP');
    expect(fs.readdirSync(scratch).filter((f) => f.endsWith('.partial'))).toEqual([]);

    cluster.admin('CREATE DATABASE restored');
    const restore = spawnSync(path.join(postgresBinDir()!, 'pg_restore'), ['--no-owner', `--dbname=${cluster.url('restored')}`, out], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    const copy = JSON.parse(cli('check', '--database', cluster.url('restored'), '--json').stdout) as Record<string, unknown>;
    const original = JSON.parse(cli('check', '--database', url, '--json').stdout) as Record<string, unknown>;
    expect(copy['articles']).toBe(original['articles']);
    expect(copy['users']).toBe(original['users']);

    refused(cli('backup', out, '--database', url), /已存在；为免覆盖/);
  });

  it('refuses what is not a newsroom database, an address it cannot reach and one that is not PostgreSQL, each in one sentence', () => {
    refused(cli('check', '--database', cluster.url('other')), /不是本系统的数据库/);
    refused(cli('check', '--database', 'postgres://newsroom@127.0.0.1:1/none'), /无法检查数据库 postgres:\/\/newsroom@127\.0\.0\.1:1\/none/);
    refused(cli('check', '--database', 'mysql://x'), /--database 应为 PostgreSQL 地址/);
    const out = path.join(scratch, 'unreachable.dump');
    refused(cli('backup', out, '--database', 'postgres://newsroom@127.0.0.1:1/none'), /^备份失败：/);
    expect(fs.readdirSync(scratch).filter((f) => f.includes('unreachable'))).toEqual([]);
  });
});
