import type { CoreContext } from '../context';
import type { SetupStatus } from '../../../shared/domain/session';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword } from '../auth/passwords';
import { seedDemoNewsroom } from '../demo/seedDemo';
import type { AuditService } from './auditService';

/** First run: an empty database offers "create a newsroom" or "open the demo newsroom", once. */
export class SetupService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<SetupStatus> {
    const initialized = (await this.ctx.repos.users.count()) > 0;
    return {
      initialized,
      paperName: initialized ? await this.ctx.repos.settings.get<string>('paper.name') : null,
      demo: (await this.ctx.repos.settings.get<boolean>('demo')) === true,
    };
  }

  private async assertEmpty(): Promise<void> {
    if ((await this.status()).initialized) {
      throw new ApiError('CONFLICT', '本数据文件夹已经建立了编辑部，不能重复初始化。请直接登录。');
    }
  }

  async createNewsroom(input: { paperName: string; admin: { username: string; displayName: string; password: string } }): Promise<string> {
    await this.assertEmpty();
    const passwordHash = await hashPassword(input.admin.password);
    return this.ctx.transaction(async () => {
      await this.assertEmpty();
      await this.ctx.repos.roles.seedDefaults();
      await this.ctx.repos.settings.set('paper.name', input.paperName);
      await this.ctx.repos.settings.set('paper.shortName', '本报');
      const admin = await this.ctx.repos.users.create({
        username: input.admin.username,
        displayName: input.admin.displayName,
        passwordHash,
        roles: ['admin'],
        by: null,
      });
      await this.audit.record({ userId: admin.id, action: 'setup.create_newsroom', details: { paperName: input.paperName } });
      return admin.id;
    });
  }

  async openDemo(): Promise<void> {
    await this.assertEmpty();
    await seedDemoNewsroom(this.ctx);
  }
}
