import type { CoreContext, Actor } from '../context';
import type { UserSummary } from '../../../shared/domain/session';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword } from '../auth/passwords';
import { toSummary } from '../repositories/userRepository';

export class UserService {
  constructor(private readonly ctx: CoreContext) {}

  list(): UserSummary[] {
    return this.ctx.repos.users.list().map(toSummary);
  }

  async create(actor: Actor, input: ParsedInputOf<'users.create'>): Promise<UserSummary> {
    if (this.ctx.repos.users.byUsername(input.username)) {
      throw new ApiError('CONFLICT', `用户名“${input.username}”已被占用，请换一个。`, { field: 'username' });
    }
    const passwordHash = await hashPassword(input.password);
    return this.ctx.db.transaction(() => {
      const user = this.ctx.repos.users.create({ ...input, passwordHash, by: actor.user.id });
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'user.create', targetType: 'user', targetId: user.id, details: { roles: input.roles } });
      return toSummary(user);
    }).immediate();
  }
}
