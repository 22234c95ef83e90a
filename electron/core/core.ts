import type { ApiEvent } from '../../shared/api/events';
import { ApiError } from '../../shared/api/errors';
import { PRIVILEGE_LABELS } from '../../shared/api/labels';
import type { Privilege, RoleCode } from '../../shared/domain/roles';
import type { UserSummary } from '../../shared/domain/session';
import { toSummary } from './repositories/userRepository';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase } from './db/connection';
import { createContext } from './context';
import { Dispatcher, type CallContext, type DispatchOutcome } from './dispatcher';
import { createHandlers } from './handlers/index';
import { SessionService } from './services/sessionService';
import { createServices } from './services/index';
import { indexPendingStories } from './search/searchIndex';

export { CoreOpenError } from './errors';
export type { CallContext, DispatchOutcome } from './dispatcher';

export interface Core {
  readonly dataDir: string;
  readonly readOnlyReason: string | null;
  dispatch(ctx: CallContext, method: string, input: unknown): Promise<DispatchOutcome>;
  /**
   * Whose live session a token is, from memory (no database read): for adapters checking their
   * windows and event streams. Every session's end is also announced as `session.ended`.
   */
  sessionUserId(token: string): string | null;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /**
   * A session for a local tool (the CLI) acting as `username`, or as the first
   * enabled user (by user name) holding `privilege`. Whoever can run the CLI can
   * already read and write the database file; the calls still go through the
   * dispatcher's checks.
   */
  localSession(privilege: Privilege, username?: string): { token: string; user: UserSummary };
  close(): void;
}

const SESSION_SWEEP_MS = 60_000;

export interface CoreOptions {
  dataDir: string;
  /** The Electron-ABI build of better-sqlite3; the Node build in node_modules is used otherwise. */
  nativeBinding?: string;
  /** Seed the demo newsroom when the database is empty. */
  demo?: boolean;
}

/** Opens the data folder and wires repositories, services and the dispatcher. Throws CoreOpenError. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const opened = openDatabase(options.dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const listeners = new Set<(event: ApiEvent) => void>();
  let closed = false;
  let indexing: ReturnType<typeof setImmediate> | null = null;
  // Full-text indexing of an edit runs just after the write that made it, not inside it (migration 010).
  const indexSoon = () => {
    indexing ??= setImmediate(() => {
      indexing = null;
      if (!closed) indexPendingStories(opened.db);
    });
  };
  const ctx = createContext(opened.db, options.dataDir, opened.readOnlyReason, (event) => {
    if (!opened.readOnlyReason && (event.type === 'article.changed' || event.type === 'article.status' || event.type === 'article.deleted')) indexSoon();
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[newsroom] event listener failed:', error);
      }
    }
  });
  // Edits a crash left unindexed.
  if (!opened.readOnlyReason) indexPendingStories(opened.db);
  const checkpointer = opened.readOnlyReason ? null : startCheckpointer(opened.db, opened.file, options.nativeBinding);
  const sessions = new SessionService(ctx);
  // Idle sessions are ended as they lapse, so their windows learn it without calling.
  const sweeping = setInterval(() => sessions.sweepExpired(), SESSION_SWEEP_MS);
  sweeping.unref();
  const services = createServices(ctx, sessions);
  if (options.demo && !ctx.readOnlyReason && !services.setup.status().initialized) {
    await services.setup.openDemo();
  }
  const dispatcher = new Dispatcher(ctx, sessions, createHandlers(services));
  return {
    dataDir: options.dataDir,
    readOnlyReason: ctx.readOnlyReason,
    dispatch: (callCtx, method, input) => dispatcher.dispatch(callCtx, method, input),
    sessionUserId: (token) => sessions.holder(token),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    localSession(privilege, username) {
      const users = ctx.repos.users.list();
      if (users.length === 0) throw new ApiError('NOT_FOUND', `数据文件夹 ${options.dataDir} 的数据库是空的（还没有任何用户）。请先在程序中完成初始设置。`);
      const holds = (roles: string[]) => ctx.repos.roles.privilegesOf(roles as RoleCode[]).includes(privilege);
      const user =
        username === undefined ? users.find((u) => !u.disabled && holds(u.roles)) : users.find((u) => u.username === username);
      if (!user) {
        throw new ApiError('NOT_FOUND', username === undefined ? '没有任何用户拥有执行此操作所需的权限。' : `没有用户名为“${username}”的用户。`);
      }
      if (user.disabled) throw new ApiError('FORBIDDEN', `用户“${user.username}”已停用。`);
      if (!holds(user.roles)) throw new ApiError('FORBIDDEN', `用户“${user.username}”没有“${PRIVILEGE_LABELS[privilege]}”权限。`);
      return { token: sessions.open(user.id, 'cli'), user: toSummary(user) };
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeping);
      listeners.clear();
      if (indexing) clearImmediate(indexing);
      checkpointer?.stop();
      if (!opened.readOnlyReason) indexPendingStories(opened.db);
      opened.close();
    },
  };
}
