import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** What a query sees: the open transaction's connection inside one, the shared executor outside. */
export type Executor = Kysely<Record<string, never>>;

/**
 * `serializable` (the default) for the services' checks-then-writes; `read-committed` for work that is
 * correct without it and would otherwise collide with every save (the search indexer). SQLite has
 * one writer at a time, so both mean the same there.
 */
export type Isolation = 'serializable' | 'read-committed';

/**
 * One storage adapter's way of running a unit of work in a transaction on a connection of its own.
 * SQLite: the single connection, BEGIN IMMEDIATE. PostgreSQL: a pooled connection at the isolation
 * asked for, and the work run again when the database reports a serialization failure.
 */
export interface TransactionRunner {
  run<T>(work: (connection: Executor) => Promise<T>, isolation: Isolation): Promise<T>;
}

interface Frame {
  connection: Executor;
  open: boolean;
  afterCommit: (() => void)[];
}

/**
 * The core's only way to the database, whichever store is behind it. Repositories write their SQL
 * with `?` placeholders (the dialect's own placeholders are produced here) and run it through
 * all/get/run, which use the transaction the current call is in, if any — found through
 * AsyncLocalStorage, so a repository never needs a connection handed down to it, and a query
 * inside a transaction can never wait for the connection its own transaction holds.
 */
export class Store {
  private readonly frames = new AsyncLocalStorage<Frame>();
  private readonly templates = new Map<string, TemplateStringsArray>();

  constructor(
    readonly dialect: Dialect,
    private readonly root: Executor,
    private readonly runner: TransactionRunner,
    private readonly onClose: () => Promise<void>,
  ) {}

  /** The executor for this moment (Kysely's query builder works on it too). */
  get db(): Executor {
    const frame = this.frames.getStore();
    return frame?.open ? frame.connection : this.root;
  }

  inTransaction(): boolean {
    return this.frames.getStore()?.open === true;
  }

  async all<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.query<T>(text, params).execute(this.db);
    return result.rows;
  }

  async get<T>(text: string, params: readonly unknown[] = []): Promise<T | undefined> {
    const rows = await this.all<T>(text, params);
    return rows[0];
  }

  /** Runs a write; resolves to the number of rows it changed. */
  async run(text: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.query(text, params).execute(this.db);
    return Number(result.numAffectedRows ?? 0n);
  }

  /**
   * Runs `work` in one transaction; inside a transaction already, it joins that one. What
   * `afterCommit` queues meanwhile runs once the transaction has committed, and never if it rolls back.
   */
  async transaction<T>(work: () => Promise<T>, isolation: Isolation = 'serializable'): Promise<T> {
    if (this.inTransaction()) return work();
    let frame: Frame | null = null;
    const result = await this.runner.run(async (connection) => {
      frame = { connection, open: true, afterCommit: [] };
      try {
        return await this.frames.run(frame, work);
      } finally {
        frame.open = false;
      }
    }, isolation);
    for (const fn of (frame as Frame | null)?.afterCommit ?? []) fn();
    return result;
  }

  /**
   * `column IN (the values)`, the list bound as one parameter whatever its length: SQLite reads it
   * as a JSON array, PostgreSQL as an array.
   */
  anyOf(column: string, values: readonly unknown[]): { sql: string; param: unknown } {
    return this.dialect === 'postgres'
      ? { sql: `${column} = ANY(?)`, param: [...values] }
      : { sql: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(values) };
  }

  /** Runs `fn` once the current transaction commits, or now when there is none. */
  afterCommit(fn: () => void): void {
    const frame = this.frames.getStore();
    if (frame?.open) frame.afterCommit.push(fn);
    else fn();
  }

  close(): Promise<void> {
    return this.onClose();
  }

  private query<T>(text: string, params: readonly unknown[]) {
    let template = this.templates.get(text);
    if (!template) {
      template = placeholderTemplate(text);
      this.templates.set(text, template);
    }
    return sql<T>(template, ...params);
  }
}

/** Text matched literally inside a LIKE pattern written with `ESCAPE '\\'`. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Splits SQL written with `?` placeholders into the parts of a tagged template, so Kysely binds the
 * parameters in each dialect's own way. A `?` inside a quoted literal or identifier is text.
 */
function placeholderTemplate(text: string): TemplateStringsArray {
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '?') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
}
