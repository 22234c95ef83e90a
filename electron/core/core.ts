import type { ApiEvent } from '../../shared/api/events';
import { ApiError } from '../../shared/api/errors';
import { PRIVILEGE_LABELS, type Privilege, type RoleCode } from '../../shared/domain/roles';
import type { UserSummary } from '../../shared/domain/session';
import { toSummary } from './repositories/userRepository';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase } from './db/connection';
import { createContext } from './context';
import { Dispatcher, type CallContext, type DispatchOutcome } from './dispatcher';
import { createHandlers } from './handlers/index';
import { SessionService } from './services/sessionService';
import { createServices, type ServiceOptions } from './services/index';
import { SqliteStore } from './store/sqliteStore';
import { openPostgresStore } from './store/postgresStore';
import { PostgresEvents } from './store/postgresEvents';
import type { Dialect, Store } from './store/store';
import type { SearchBackend } from './search/searchBackend';
import { SqliteSearch } from './search/sqliteSearch';
import { PostgresSearch } from './search/postgresSearch';

export { CoreOpenError } from './errors';
export type { DispatchOutcome } from './dispatcher';

export interface Core {
  readonly dataDir: string;
  readonly readOnlyReason: string | null;
  dispatch(ctx: CallContext, method: string, input: unknown): Promise<DispatchOutcome>;
  /**
   * Whose live session a token is, from memory (no database read, the idle clock not reset): for
   * adapters checking their windows and event streams. Every session's end is also announced as
   * `session.ended`.
   */
  sessionUserId(token: string): string | null;
  /** The same from the database when memory does not know the token (a session opened before this process started, or by another process). */
  resolveSessionUser(token: string): Promise<string | null>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /**
   * A session for a local tool (the CLI) acting as `username`, or as the first
   * enabled user (by user name) holding `privilege`. Whoever can run the CLI can
   * already read and write the database file; the calls still go through the
   * dispatcher's checks.
   */
  localSession(privilege: Privilege, username?: string): Promise<{ token: string; user: UserSummary }>;
  /** Whether the store answers, for a load balancer's health check. */
  health(): Promise<CoreHealth>;
  close(): Promise<void>;
}

interface CoreHealth {
  ok: boolean;
  store: Dialect;
  /** why not, when not */
  message?: string;
}

const SESSION_SWEEP_MS = 60_000;

export interface CoreOptions extends ServiceOptions {
  /** Photo files, and the SQLite database unless `database` names a PostgreSQL one. */
  dataDir: string;
  /** postgres://… : the newsroom server's store. */
  database?: string;
  /** The Electron-ABI build of better-sqlite3; the Node build in node_modules is used otherwise. */
  nativeBinding?: string;
  /** Seed the demo newsroom when the database is empty. */
  demo?: boolean;
}

/** A store opened for the core (or a tool), with what else it runs and what its closing takes. */
export interface OpenedStore {
  store: Store;
  search: SearchBackend;
  readOnlyReason: string | null;
  /** Shares this process's events with the other processes on the same store (PostgreSQL). */
  shareEvents?(receive: (event: ApiEvent) => void): Promise<{ publish(event: ApiEvent): void; close(): Promise<void> }>;
  /** Stops what the store runs besides queries (SQLite's checkpoints), closes it, and removes what it leaves (a read-only folder's private copy). */
  close(): Promise<void>;
}

export async function openStore(options: CoreOptions): Promise<OpenedStore> {
  if (options.database) {
    const url = options.database;
    const store = await openPostgresStore(url);
    return {
      store,
      search: new PostgresSearch(store),
      readOnlyReason: null,
      close: () => store.close(),
      async shareEvents(receive) {
        const events = new PostgresEvents(url, store.pool, receive);
        await events.start();
        return events;
      },
    };
  }
  const opened = openDatabase(options.dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const store = new SqliteStore(opened.db);
  const checkpointer = opened.readOnlyReason ? null : startCheckpointer(opened.db, opened.file, options.nativeBinding);
  return {
    store,
    search: new SqliteSearch(store),
    readOnlyReason: opened.readOnlyReason,
    async close() {
      checkpointer?.stop();
      await store.close();
      opened.close();
    },
  };
}

/** Opens the data folder (or the PostgreSQL database) and wires repositories, services and the dispatcher. Throws CoreOpenError. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const opened = await openStore(options);
  const { store, search } = opened;
  const listeners = new Set<(event: ApiEvent) => void>();
  let closed = false;
  let indexing: ReturnType<typeof setImmediate> | null = null;
  // Full-text indexing of an edit runs just after the write that made it, not inside it (migration 010).
  const indexSoon = () => {
    indexing ??= setImmediate(() => {
      indexing = null;
      if (!closed) void search.catchUp().catch((error: unknown) => console.error('[newsroom] indexing failed:', error));
    });
  };
  const deliver = (event: ApiEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[newsroom] event listener failed:', error);
      }
    }
  };
  // A session ended by another process is forgotten here before its windows hear of it; after a gap
  // in hearing the others, every session this process knows is checked again.
  let sessions: SessionService | null = null;
  const fromElsewhere = (event: ApiEvent) => {
    if ((event.type !== 'session.ended' && event.type !== 'events.resumed') || !sessions) return deliver(event);
    void sessions
      .endedElsewhere(event.type === 'session.ended' ? event.userId : null)
      .catch((error: unknown) => console.error('[newsroom] checking sessions ended elsewhere failed:', error))
      .finally(() => deliver(event));
  };
  const shared = opened.shareEvents ? await opened.shareEvents(fromElsewhere) : null;
  const ctx = createContext(store, options.dataDir, opened.readOnlyReason, (event) => {
    if (!opened.readOnlyReason && (event.type === 'article.changed' || event.type === 'article.status' || event.type === 'article.deleted')) indexSoon();
    deliver(event);
    shared?.publish(event);
  });
  // Edits a crash left unindexed.
  if (!opened.readOnlyReason) await search.catchUp();
  sessions = new SessionService(ctx);
  // Idle sessions are ended as they lapse, so their windows learn it without calling.
  const sweeping = setInterval(() => void sessions.sweepExpired().catch((error: unknown) => console.error('[newsroom] sweeping sessions failed:', error)), SESSION_SWEEP_MS);
  sweeping.unref();
  const services = createServices(ctx, sessions, search, options);
  if (options.demo && !ctx.readOnlyReason && !(await services.setup.status()).initialized) {
    await services.setup.openDemo();
  }
  const dispatcher = new Dispatcher(ctx, sessions, services.audit, createHandlers(services));
  return {
    dataDir: options.dataDir,
    readOnlyReason: ctx.readOnlyReason,
    dispatch: (callCtx, method, input) => dispatcher.dispatch(callCtx, method, input),
    sessionUserId: (token) => sessions.holder(token),
    resolveSessionUser: async (token) => sessions.holder(token) ?? (await sessions.resolve(token))?.user.id ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async localSession(privilege, username) {
      const users = await ctx.repos.users.list();
      if (users.length === 0) throw new ApiError('NOT_FOUND', `数据文件夹 ${options.dataDir} 的数据库是空的（还没有任何用户）。请先在程序中完成初始设置。`);
      const holders = new Set<string>();
      for (const u of users) if ((await ctx.repos.roles.privilegesOf(u.roles as RoleCode[])).includes(privilege)) holders.add(u.id);
      const user = username === undefined ? users.find((u) => !u.disabled && holders.has(u.id)) : users.find((u) => u.username === username);
      if (!user) {
        throw new ApiError('NOT_FOUND', username === undefined ? '没有任何用户拥有执行此操作所需的权限。' : `没有用户名为“${username}”的用户。`);
      }
      if (user.disabled) throw new ApiError('FORBIDDEN', `用户“${user.username}”已停用。`);
      if (!holders.has(user.id)) throw new ApiError('FORBIDDEN', `用户“${user.username}”没有“${PRIVILEGE_LABELS[privilege]}”权限。`);
      return { token: await sessions.open(user.id, 'cli'), user: toSummary(user) };
    },
    async health() {
      try {
        await store.get('SELECT 1');
        return { ok: true, store: store.dialect };
      } catch (error) {
        return { ok: false, store: store.dialect, message: `数据库无法访问：${(error as Error).message}` };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeping);
      listeners.clear();
      if (indexing) clearImmediate(indexing);
      await shared?.close();
      if (!opened.readOnlyReason) await search.catchUp();
      await opened.close();
    },
  };
}
