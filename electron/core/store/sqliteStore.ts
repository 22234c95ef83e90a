import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { Store, type Executor, type TransactionRunner } from './store';

/** Statements are prepared once per text: preparing is most of a small query's cost in better-sqlite3. */
const STATEMENT_CACHE_SIZE = 500;

/** better-sqlite3 refuses JavaScript booleans as parameters; the schema stores them as 0 and 1. */
function bindable(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

function cachingDatabase(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  const statement = (text: string): Database.Statement => {
    let stmt = cache.get(text);
    if (stmt) {
      // Most recently used last, so the first entry is the one to drop.
      cache.delete(text);
    } else {
      stmt = db.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(text, stmt);
    return stmt;
  };
  return {
    close: () => db.close(),
    prepare(text): SqliteStatement {
      const stmt = statement(text);
      return {
        reader: stmt.reader,
        all: (params) => stmt.all(...bindable(params)),
        run: (params) => stmt.run(...bindable(params)),
        iterate: (params) => stmt.iterate(...bindable(params)),
      };
    },
  };
}

/**
 * The embedded store: one better-sqlite3 connection. Kysely's SQLite driver lends that connection to
 * one caller at a time, so a transaction holds it from BEGIN IMMEDIATE to COMMIT and every other
 * query waits its turn, as the synchronous API guaranteed before.
 */
export class SqliteStore extends Store {
  private readonly rootExecutor: Executor;

  constructor(readonly raw: Database.Database) {
    const kysely = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
    const runner: TransactionRunner = {
      run: (work) =>
        kysely.connection().execute(async (connection) => {
          await sql`BEGIN IMMEDIATE`.execute(connection);
          let result;
          try {
            result = await work(connection);
          } catch (error) {
            if (raw.inTransaction) await sql`ROLLBACK`.execute(connection);
            throw error;
          }
          try {
            await sql`COMMIT`.execute(connection);
          } catch (error) {
            // A COMMIT that fails (disk full) leaves the transaction open: end it, keeping nothing.
            if (raw.inTransaction) await sql`ROLLBACK`.execute(connection);
            throw error;
          }
          return result;
        }),
    };
    super('sqlite', kysely, runner, () => kysely.destroy());
    this.rootExecutor = kysely;
  }

  /**
   * Runs synchronous SQLite-only code (FTS5 indexing, the demo's bulk seed) on the raw connection
   * while holding it, inside the current transaction when there is one.
   */
  async exclusive<T>(fn: (db: Database.Database) => T): Promise<T> {
    if (this.inTransaction()) return fn(this.raw);
    return this.rootExecutor.connection().execute(async () => fn(this.raw));
  }
}
