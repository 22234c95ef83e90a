import type { CoreContext, Actor } from '../context';
import type { UserSummary } from '../../../shared/domain/session';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword } from '../auth/passwords';
import { toSummary } from '../repositories/userRepository';
import type { Person } from '../../../shared/collaboration/types';
import type { AuditService } from './auditService';

export class UserService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserSummary[]> {
    return (await this.ctx.repos.users.list()).map(toSummary);
  }

  /** Colleagues by name, for @mentions and the audit filter. */
  async people(): Promise<Person[]> {
    return (await this.ctx.repos.users.list()).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, disabled: u.disabled }));
  }

  async create(actor: Actor, input: ParsedInputOf<'users.create'>): Promise<UserSummary> {
    const taken = () => new ApiError('CONFLICT', `用户名“${input.username}”已被占用，请换一个。`, { field: 'username' });
    if (await this.ctx.repos.users.byUsername(input.username)) throw taken();
    const passwordHash = await hashPassword(input.password);
    return this.ctx.transaction(async () => {
      if (await this.ctx.repos.users.byUsername(input.username)) throw taken();
      const user = await this.ctx.repos.users.create({ ...input, passwordHash, by: actor.user.id });
      await this.audit.record({ userId: actor.user.id, action: 'user.create', targetType: 'user', targetId: user.id, details: { roles: input.roles } });
      return toSummary(user);
    });
  }
}
