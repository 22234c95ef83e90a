import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { CoreOpenError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/migrations/index';
import { Store, type Executor, type TransactionRunner } from './store';

/** SQLSTATEs after which the same transaction, run again from the start, may well succeed. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;
/** Any constant: the key of the advisory lock that lets one process at a time migrate. */
const MIGRATION_LOCK = 7_341_105;

/** count(*) and sum() are bigint in PostgreSQL; the core counts rows, never past 2^53. */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)),
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The newsroom server's store: a pool of PostgreSQL connections. Every transaction is SERIALIZABLE,
 * so the services keep the guarantees SQLite's single writer gave them (a check and the write it
 * allows cannot interleave with another's); when PostgreSQL reports a serialization failure or a
 * deadlock, the whole unit of work runs again, up to a few times.
 */
export class PostgresStore extends Store {
  constructor(readonly pool: pg.Pool) {
    const kysely = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) });
    const attempt = <T>(work: (connection: Executor) => Promise<T>) =>
      kysely.connection().execute(async (connection) => {
        await sql`BEGIN ISOLATION LEVEL SERIALIZABLE`.execute(connection);
        try {
          const result = await work(connection);
          await sql`COMMIT`.execute(connection);
          return result;
        } catch (error) {
          await sql`ROLLBACK`.execute(connection).catch(() => undefined);
          throw error;
        }
      });
    const runner: TransactionRunner = {
      async run(work) {
        for (let tries = 1; ; tries += 1) {
          try {
            return await attempt(work);
          } catch (error) {
            const code = (error as { code?: string }).code ?? '';
            if (!RETRYABLE.has(code) || tries >= MAX_ATTEMPTS) throw error;
            await sleep(Math.random() * 5 * tries);
          }
        }
      },
    };
    super('postgres', kysely, runner, () => kysely.destroy());
  }
}

function describeFailure(url: string, error: unknown): CoreOpenError {
  const safe = url.replace(/\/\/[^@/]*@/, '//');
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return new CoreOpenError(`无法连接 PostgreSQL 数据库 ${safe}（${code}）。请确认数据库服务已启动、地址和端口正确。`);
  }
  if (code === '28P01' || code === '28000') return new CoreOpenError(`PostgreSQL 拒绝了登录（${safe}）：用户名或密码不正确，或没有访问权限。`);
  if (code === '3D000') return new CoreOpenError(`PostgreSQL 上没有这个数据库（${safe}）。请先用 createdb 建立它。`);
  return new CoreOpenError(`无法打开 PostgreSQL 数据库 ${safe}：${message}`);
}

/** Brings the schema to this program's version; a newer schema is refused untouched. */
async function migrate(store: PostgresStore, url: string): Promise<void> {
  await store.transaction(async () => {
    // One process migrates; a second waits here and then finds nothing left to do.
    await store.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await store.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = (await store.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations'))?.v ?? 0;
    if (current > LATEST_SCHEMA_VERSION) {
      throw new CoreOpenError(
        `数据库 ${url.replace(/\/\/[^@/]*@/, '//')} 由更新版本的程序创建（结构版本 ${current}，本程序只支持到 ${LATEST_SCHEMA_VERSION}）。为免损坏数据，未做任何改动；请升级本程序。`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current || migration.postgres === undefined) continue;
      await sql.raw(migration.postgres).execute(store.db);
      await store.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, new Date().toISOString()]);
    }
  });
}

/**
 * Text must sort by code point, as SQLite sorts it, or lists would order differently on the two
 * stores (and ids and instants, stored as text, would not sort as written).
 */
async function assertByteOrderCollation(store: PostgresStore, url: string): Promise<void> {
  const row = await store.get<{ collation: string; provider: string; icu: string | null }>(
    'SELECT datcollate AS collation, datlocprovider AS provider, daticulocale AS icu FROM pg_database WHERE datname = current_database()',
  );
  const collation = row?.provider === 'i' ? `ICU ${row.icu ?? ''}` : (row?.collation ?? '');
  if (!/^(C|POSIX|C\.utf-?8)$/i.test(collation)) {
    throw new CoreOpenError(
      `PostgreSQL 数据库 ${url.replace(/\/\/[^@/]*@/, '//')} 的排序规则是 ${collation}，本系统需要按字节排序的 C 或 C.UTF-8。请这样建库：createdb --locale=C.UTF-8 --template=template0 数据库名。`,
    );
  }
}

/** A pool that reads counts as numbers and survives a connection breaking while idle. */
export function postgresPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size, types, connectionTimeoutMillis: 10_000 });
  // A connection that breaks while idle (the server restarted) is dropped by the pool; the next
  // request opens a new one. Without a listener the error would end the process.
  pool.on('error', (error) => console.error('[newsroom] PostgreSQL connection lost:', error.message));
  return pool;
}

/** Opens a pool on `url`, checks it answers and brings its schema up to date. Throws CoreOpenError. */
export async function openPostgresStore(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
  const store = new PostgresStore(postgresPool(url, options.poolSize ?? 20));
  try {
    await assertByteOrderCollation(store, url);
    await migrate(store, url);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error instanceof CoreOpenError ? error : describeFailure(url, error);
  }
  return store;
}
