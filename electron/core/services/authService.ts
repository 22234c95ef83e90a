import type { CoreContext, Actor } from '../context';
import type { SessionInfo } from '../../../shared/domain/session';
import type { RoleCode } from '../../../shared/domain/roles';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { toSummary } from '../repositories/userRepository';
import type { SessionService } from './sessionService';
import type { AuditAction } from '../../../shared/workflow/audit';
import { recordWhereWritable } from './auditService';

/** Verified against a real hash even for unknown users, so timing does not reveal which usernames exist. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class AuthService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionService,
  ) {}

  paperName(): string {
    return this.ctx.repos.settings.get<string>('paper.name') ?? '';
  }

  sessionInfo(actor: Actor): SessionInfo {
    return { user: actor.user, privileges: [...actor.privileges].sort(), paperName: this.paperName() };
  }

  async login(username: string, password: string, transport: string): Promise<{ info: SessionInfo; token: string }> {
    const user = this.ctx.repos.users.byUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      this.audit(user?.id ?? null, 'auth.login_failed', { username });
      throw new ApiError('UNAUTHENTICATED', '用户名或密码不正确');
    }
    if (user.disabled) {
      this.audit(user.id, 'auth.login_refused', { reason: 'disabled' });
      throw new ApiError('FORBIDDEN', '该账号已停用，请联系管理员');
    }
    const token = this.sessions.open(user.id, transport);
    this.audit(user.id, 'auth.login', { transport });
    const info: SessionInfo = {
      user: toSummary(user),
      privileges: this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[]),
      paperName: this.paperName(),
    };
    return { info, token };
  }

  logout(actor: Actor): void {
    this.sessions.close(actor.tokenHash);
    this.audit(actor.user.id, 'auth.logout', {});
  }

  async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
    const user = this.ctx.repos.users.byId(actor.user.id);
    if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
      throw new ApiError('VALIDATION', '原密码不正确', { field: 'oldPassword' });
    }
    this.ctx.repos.users.setPassword(user.id, await hashPassword(newPassword), actor.user.id);
    this.audit(actor.user.id, 'auth.password_changed', {});
  }

  private audit(userId: string | null, action: AuditAction, details: Record<string, unknown>): void {
    recordWhereWritable(this.ctx, { userId, action, targetType: 'user', ...(userId ? { targetId: userId } : {}), details });
  }
}
