import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openCore } from '../../electron/core/core';
import { DB_FILE_NAME } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import { foldForSearch, searchGrams } from '../../electron/core/search/postgresSearch';
import { startCluster, type TestCluster } from '../support/postgres';
import { tempDataDir } from '../support/hostProcess';
import { benchCorpus, CORPUS_SEED, GENERATOR_VERSION } from './corpus';

const DATABASE = 'bench';
const BATCH = 500;
/** The tables the search and list benchmarks read, in an order their foreign keys accept. */
const TABLES = ['settings', 'roles', 'users', 'user_roles', 'articles'] as const;

export interface PgCorpus {
  cluster: TestCluster;
  url: string;
  cached: boolean;
}

function cacheDir(articles: number, seed: number): string {
  return path.join(os.tmpdir(), `newsroom-bench-pg-${articles}-${seed}-g${GENERATOR_VERSION}-s${LATEST_SCHEMA_VERSION}`);
}

async function copyTables(sqliteFile: string, client: pg.Client, log: (line: string) => void): Promise<void> {
  const db = new Database(sqliteFile, { readonly: true });
  try {
    for (const table of TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>;
      let batch: Record<string, unknown>[] = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const columns = Object.keys(batch[0]!);
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${columns.map((c) => `$${values.push(row[c] ?? null)}`).join(', ')})`);
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`, values);
        copied += batch.length;
        batch = [];
        if (table === 'articles' && copied % 20_000 === 0) log(`  PostgreSQL 语料 ${copied}`);
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
    }
  } finally {
    db.close();
  }
}

/** Every story's search row, then the GIN index built once over all of them (as a restore would). */
async function indexAll(client: pg.Client, log: (line: string) => void): Promise<void> {
  await client.query('DROP INDEX article_search_grams');
  let after = '';
  for (let done = 0; ; ) {
    const { rows } = await client.query<{ id: string; kicker: string; headline: string; subheadline: string; byline_names: string; body_text: string }>(
      'SELECT id, kicker, headline, subheadline, byline_names, body_text FROM articles WHERE id > $1 ORDER BY id LIMIT $2',
      [after, BATCH],
    );
    if (rows.length === 0) break;
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const heading = foldForSearch(`${row.kicker}\n${row.headline}\n${row.subheadline}`);
      const byline = foldForSearch(row.byline_names);
      const body = foldForSearch(row.body_text);
      return `($${values.push(row.id)}, $${values.push(heading)}, $${values.push(byline)}, $${values.push(body)}, $${values.push(searchGrams(`${heading}\n${byline}\n${body}`))})`;
    });
    await client.query(`INSERT INTO article_search (article_id, heading, byline, body, grams) VALUES ${tuples.join(', ')}`, values);
    after = rows.at(-1)!.id;
    done += rows.length;
    if (done % 20_000 === 0) log(`  PostgreSQL 索引 ${done}`);
  }
  await client.query('DELETE FROM article_search_pending');
  log('  PostgreSQL 建立 GIN 索引…');
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query('CREATE INDEX article_search_grams ON article_search USING GIN (grams)');
  await client.query('VACUUM ANALYZE');
}

/**
 * The search benchmark's archive (BENCH_ARTICLES stories, the same generated corpus as SQLite's) in
 * a PostgreSQL cluster, built once into a cached data folder and started from it on later runs.
 */
export async function pgBenchCorpus(articles: number, seed = CORPUS_SEED, log: (line: string) => void = () => {}): Promise<PgCorpus> {
  const cache = cacheDir(articles, seed);
  const cached = fs.existsSync(path.join(cache, 'PG_VERSION'));
  if (!cached) {
    const corpus = await benchCorpus(articles, seed, log);
    const building = `${cache}-building`;
    fs.rmSync(building, { recursive: true, force: true });
    const cluster = await startCluster({ dataDir: building });
    try {
      cluster.admin(`CREATE DATABASE ${DATABASE}`);
      const core = await openCore({ dataDir: tempDataDir(), database: cluster.url(DATABASE) });
      await core.close();
      const client = new pg.Client({ connectionString: cluster.url(DATABASE) });
      await client.connect();
      try {
        await copyTables(path.join(corpus.dataDir, DB_FILE_NAME), client, log);
        await indexAll(client, log);
      } finally {
        await client.end();
      }
    } finally {
      cluster.stop('fast');
      fs.rmSync(corpus.dataDir, { recursive: true, force: true });
    }
    fs.renameSync(building, cache);
  }
  if (typeof process.getuid === 'function' && process.getuid() === 0) execFileSync('chown', ['-R', 'postgres:postgres', cache]);
  const cluster = await startCluster({ dataDir: cache });
  return { cluster, url: cluster.url(DATABASE), cached };
}
