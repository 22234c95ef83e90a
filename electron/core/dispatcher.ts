import { z } from 'zod';
import { contract, isMethodName, type MethodName, type Permission, type ParsedInputOf, type ResultOf } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { fieldLabel } from '../../shared/api/labels';
import type { Actor, CoreContext } from './context';
import type { AuditService } from './services/auditService';
import { missingPrivilege } from './services/permissions';
import type { SessionService } from './services/sessionService';
import { isStoreBusy, isStoreUnreachable } from './store/failures';

z.config(z.locales.zhCN());

export interface CallContext {
  sessionToken: string | null;
  transport: 'desktop' | 'browser' | 'cli';
  /** The caller's network address (the browser host's peer); absent for the local adapters. */
  peer?: string | null;
}

export interface DispatchOutcome {
  response: ApiResponse;
  /** Adapters keep the token (per window, or in an HttpOnly cookie); it never reaches page script. */
  session?: { set: string } | { clear: true };
}

interface HandlerCall<M extends MethodName> {
  actor: Actor | null;
  input: ParsedInputOf<M>;
  transport: CallContext['transport'];
  /** Where a sign-in comes from, for throttling: the peer address, or `local` for the desktop window and the CLI. */
  origin: string;
  setSession(token: string): void;
  clearSession(): void;
}

type Handler<M extends MethodName> = (call: HandlerCall<M>) => ResultOf<M> | Promise<ResultOf<M>>;

/** Handlers for one domain's methods (the keys of one methods/ module of the contract). */
export type HandlersFor<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };

export type Handlers = HandlersFor<typeof contract>;

/** Turns storage failures into sentences a person can act on; everything else stays internal. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new ApiError('STORAGE', '磁盘空间已满，刚才的修改没有保存。请清理磁盘空间后再试；已打开的稿件仍可阅读。');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES') {
    return new ApiError('READ_ONLY', '数据文件夹不可写，刚才的修改没有保存。已保存的内容仍可阅读。');
  }
  if (isStoreBusy(error)) {
    return new ApiError('STORAGE', '数据库正忙，刚才的操作没有完成。请稍后重试。');
  }
  if (isStoreUnreachable(error)) {
    return new ApiError('STORAGE', '暂时连不上数据库，刚才的操作没有完成。请稍候重试；连接恢复后一切照常。');
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return new ApiError('STORAGE', '读写数据文件时出错，刚才的修改没有保存。请检查磁盘后重试。');
  }
  console.error('[newsroom] internal error:', error);
  return new ApiError('INTERNAL', '程序内部出错，操作没有完成。请重试；如果反复出现，请联系技术支持。');
}

export class Dispatcher {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly handlers: Handlers,
  ) {}

  async dispatch(callCtx: CallContext, method: unknown, rawInput: unknown): Promise<DispatchOutcome> {
    let session: DispatchOutcome['session'];
    try {
      const result = await this.run(callCtx, method, rawInput, {
        set: (token) => (session = { set: token }),
        clear: () => (session = { clear: true }),
      });
      return session ? { response: { ok: true, result }, session } : { response: { ok: true, result } };
    } catch (error) {
      const response: ApiResponse = { ok: false, error: toApiError(error).toPayload() };
      return session ? { response, session } : { response };
    }
  }

  private async run(
    callCtx: CallContext,
    method: unknown,
    rawInput: unknown,
    sessionSink: { set(token: string): void; clear(): void },
  ): Promise<unknown> {
    if (typeof method !== 'string' || !isMethodName(method)) {
      throw new ApiError('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
    }
    const def = contract[method];
    const permission: Permission = def.permission;
    let actor: Actor | null = null;
    if (permission !== 'public') {
      actor = callCtx.sessionToken ? await this.sessions.resolve(callCtx.sessionToken) : null;
      if (!actor) {
        if (callCtx.sessionToken) sessionSink.clear();
        throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录。');
      }
    }

    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      throw new ApiError('VALIDATION', `${fieldLabel(issue.path)}：${issue.message}`, { field: field || undefined, details: parsed.error.issues.slice(0, 10) });
    }

    if (actor && permission !== 'public' && permission !== 'authenticated' && !actor.privileges.has(permission)) {
      await this.audit.recordWhereWritable({ userId: actor.user.id, action: 'permission.denied', details: { method, privilege: permission } });
      throw missingPrivilege(permission);
    }

    if (def.writes && this.ctx.readOnlyReason) {
      throw new ApiError('READ_ONLY', `${this.ctx.readOnlyReason}`);
    }

    const handler = this.handlers[method] as (call: HandlerCall<MethodName>) => unknown;
    return await handler({
      actor,
      input: parsed.data as ParsedInputOf<MethodName>,
      transport: callCtx.transport,
      origin: callCtx.peer ?? 'local',
      setSession: sessionSink.set,
      clearSession: sessionSink.clear,
    });
  }
}

/** Handlers of non-public methods run only after the dispatcher resolved a session. */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录。');
  return actor;
}
