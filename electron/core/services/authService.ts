import type { CoreContext, Actor } from '../context';
import type { SessionInfo } from '../../../shared/domain/session';
import type { RoleCode } from '../../../shared/domain/roles';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { toSummary } from '../repositories/userRepository';
import type { SessionService } from './sessionService';
import type { AuditAction } from '../../../shared/administration/audit';
import type { AuditService } from './auditService';

/** Verified against a real hash even for unknown users, so timing does not reveal which usernames exist. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class AuthService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async sessionInfo(actor: Actor): Promise<SessionInfo> {
    return { user: actor.user, privileges: [...actor.privileges].sort(), paperName: await this.ctx.repos.settings.paperName() };
  }

  async login(username: string, password: string, transport: string): Promise<{ info: SessionInfo; token: string }> {
    const user = await this.ctx.repos.users.byUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.record(user?.id ?? null, 'auth.login_failed', { username });
      throw new ApiError('UNAUTHENTICATED', '用户名或密码不正确');
    }
    if (user.disabled) {
      await this.record(user.id, 'auth.login_refused', { reason: 'disabled' });
      throw new ApiError('FORBIDDEN', '该账号已停用，请联系管理员');
    }
    const token = this.sessions.open(user.id, transport);
    await this.record(user.id, 'auth.login', { transport });
    const info: SessionInfo = {
      user: toSummary(user),
      privileges: await this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[]),
      paperName: await this.ctx.repos.settings.paperName(),
    };
    return { info, token };
  }

  async logout(actor: Actor): Promise<void> {
    this.sessions.close(actor.tokenHash);
    await this.record(actor.user.id, 'auth.logout', {});
  }

  async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
    const user = await this.ctx.repos.users.byId(actor.user.id);
    if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
      throw new ApiError('VALIDATION', '原密码不正确', { field: 'oldPassword' });
    }
    const hash = await hashPassword(newPassword);
    await this.ctx.transaction(async () => {
      await this.ctx.repos.users.setPassword(user.id, hash, actor.user.id);
      await this.record(actor.user.id, 'auth.password_changed', {});
    });
  }

  private record(userId: string | null, action: AuditAction, details: Record<string, unknown>): Promise<void> {
    return this.audit.recordWhereWritable({ userId, action, targetType: 'user', ...(userId ? { targetId: userId } : {}), details });
  }
}
