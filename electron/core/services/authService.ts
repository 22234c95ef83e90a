import type { CoreContext, Actor } from '../context';
import type { SessionInfo } from '../../../shared/domain/session';
import type { RoleCode } from '../../../shared/domain/roles';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { LoginThrottle, ThrottleKeys } from '../auth/loginThrottle';
import { toSummary } from '../repositories/userRepository';
import type { SessionService } from './sessionService';
import type { AuditAction } from '../../../shared/administration/audit';
import type { AuditService } from './auditService';

/** Verified against a real hash even for unknown users, so timing does not reveal which usernames exist. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The refusal while sign-ins are paused, saying when to try again. */
function throttled(until: number, now: number): ApiError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const wait = seconds > 120 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  const at = new Date(until).toLocaleTimeString('zh-CN', { hour12: false });
  return new ApiError('RATE_LIMITED', `登录失败次数过多，已暂停登录。请在 ${wait}后（${at}）再试。`, {
    details: { retryAt: new Date(until).toISOString(), retryAfterSeconds: seconds },
  });
}

export class AuthService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {}

  async sessionInfo(actor: Actor): Promise<SessionInfo> {
    return { user: actor.user, privileges: [...actor.privileges].sort(), paperName: await this.ctx.repos.settings.paperName() };
  }

  /** `origin`: the peer address, or `local` for the desktop window and the CLI (see loginThrottle.ts). */
  async login(username: string, password: string, transport: string, origin = 'local'): Promise<{ info: SessionInfo; token: string }> {
    const keys: ThrottleKeys = { account: username.trim().toLowerCase(), address: origin };
    const lockedUntil = await this.throttle.lockedUntil(keys);
    if (lockedUntil !== null) throw throttled(lockedUntil, Date.now());
    const user = await this.ctx.repos.users.byUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      const failure = await this.throttle.recordFailure(keys);
      // Bounded: the first failures one by one, then one row per lock-out, never one per guess.
      if (failure.early) await this.record(user?.id ?? null, 'auth.login_failed', { username, origin });
      else if (failure.lockedUntil !== null) {
        await this.record(user?.id ?? null, 'auth.login_locked', { username, origin, until: new Date(failure.lockedUntil).toISOString() });
      }
      if (failure.lockedUntil !== null) {
        throw new ApiError('UNAUTHENTICATED', `用户名或密码不正确。${throttled(failure.lockedUntil, Date.now()).message}`);
      }
      throw new ApiError('UNAUTHENTICATED', '用户名或密码不正确');
    }
    await this.throttle.recordSuccess(keys);
    if (user.disabled) {
      await this.record(user.id, 'auth.login_refused', { reason: 'disabled' });
      throw new ApiError('FORBIDDEN', '该账号已停用，请联系管理员');
    }
    const token = await this.sessions.open(user.id, transport);
    await this.record(user.id, 'auth.login', { transport });
    const info: SessionInfo = {
      user: toSummary(user),
      privileges: await this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[]),
      paperName: await this.ctx.repos.settings.paperName(),
    };
    return { info, token };
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.close(actor.tokenHash);
    await this.record(actor.user.id, 'auth.logout', {});
  }

  /** Ends the account's other sessions: whoever else held the old password is signed out everywhere. */
  async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
    // A stolen session must not be a way around the sign-in throttle to test guesses at the password.
    const keys: ThrottleKeys = { account: actor.user.username.toLowerCase(), address: `session:${actor.tokenHash}` };
    const lockedUntil = await this.throttle.lockedUntil(keys);
    if (lockedUntil !== null) throw throttled(lockedUntil, Date.now());
    const user = await this.ctx.repos.users.byId(actor.user.id);
    if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
      await this.throttle.recordFailure(keys);
      throw new ApiError('VALIDATION', '原密码不正确', { field: 'oldPassword' });
    }
    const hash = await hashPassword(newPassword);
    await this.ctx.transaction(async () => {
      await this.ctx.repos.users.setPassword(user.id, hash, actor.user.id);
      await this.record(actor.user.id, 'auth.password_changed', {});
    });
    await this.sessions.endAllOf(user.id, 'password', actor.tokenHash);
  }

  private record(userId: string | null, action: AuditAction, details: Record<string, unknown>): Promise<void> {
    return this.audit.recordWhereWritable({ userId, action, targetType: 'user', ...(userId ? { targetId: userId } : {}), details });
  }
}
