import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ApiEvent } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import { PRIVILEGE_LABELS } from '../../../shared/api/labels';
import { DESKS_SETTING, deskListRefusal } from '../../../shared/domain/desks';
import type { Privilege } from '../../../shared/domain/roles';
import type { UserSummary } from '../../../shared/domain/session';
import { DEFAULT_WORKFLOW_SETTINGS, type RoleInfo, type WorkflowSettings } from '../../../shared/workflow/types';
import { hashPassword } from '../auth/passwords';
import { AdminRepository } from '../repositories/adminRepository';
import { toSummary } from '../repositories/userRepository';
import type { AuditService } from './auditService';
import type { LockService } from './lockService';

const SETTING_KEYS: Record<keyof WorkflowSettings, string> = {
  allowSameReviewer: 'workflow.allowSameReviewer',
  lockIdleMinutes: 'workflow.lockIdleMinutes',
};

/** The paper's desks (部门) as the administrator keeps them. */
export function readDesks(ctx: CoreContext): string[] {
  return ctx.repos.settings.get<string[]>(DESKS_SETTING) ?? [];
}

export function readWorkflowSettings(ctx: CoreContext): WorkflowSettings {
  return {
    allowSameReviewer: ctx.repos.settings.get<boolean>(SETTING_KEYS.allowSameReviewer) ?? DEFAULT_WORKFLOW_SETTINGS.allowSameReviewer,
    lockIdleMinutes: ctx.repos.settings.get<number>(SETTING_KEYS.lockIdleMinutes) ?? DEFAULT_WORKFLOW_SETTINGS.lockIdleMinutes,
  };
}

/** Users, roles and the paper's workflow settings, as the administrator edits them. */
export class AdminService {
  private readonly repo: AdminRepository;

  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    private readonly locks: LockService,
  ) {
    this.repo = new AdminRepository(ctx.db);
  }

  private require(actor: Actor, privilege: Privilege): void {
    if (!actor.privileges.has(privilege)) {
      throw new ApiError('FORBIDDEN', `您的账号没有“${PRIVILEGE_LABELS[privilege]}”权限，无法执行此操作。如需权限，请联系管理员。`);
    }
  }

  /** Runs inside the change's transaction: a change that would leave nobody able to manage users rolls back. */
  private assertSomeoneManages(): void {
    if (this.repo.activeHolders('user.manage').length === 0) {
      throw new ApiError('CONFLICT', '这样修改之后，将没有任何在用账号拥有“管理用户”权限，以后就无法再管理用户和角色了。修改未保存。');
    }
  }

  private user(userId: string): UserSummary {
    const user = this.ctx.repos.users.byId(userId);
    if (!user) throw new ApiError('NOT_FOUND', '找不到这个用户。', { field: 'userId' });
    return toSummary(user);
  }

  desks(): string[] {
    return readDesks(this.ctx);
  }

  setDesks(actor: Actor, desks: readonly string[]): string[] {
    this.require(actor, 'settings.manage');
    const why = deskListRefusal(desks);
    if (why) throw new ApiError('VALIDATION', why, { field: 'desks' });
    return this.ctx.db.transaction(() => {
      const before = readDesks(this.ctx);
      if (before.join('\n') !== desks.join('\n')) {
        this.ctx.repos.settings.set(DESKS_SETTING, desks);
        this.audit.record({ userId: actor.user.id, action: 'settings.desks', details: { before, after: desks } });
      }
      return readDesks(this.ctx);
    }).immediate();
  }

  settings(actor: Actor): WorkflowSettings {
    this.require(actor, 'settings.manage');
    return readWorkflowSettings(this.ctx);
  }

  updateSettings(actor: Actor, input: ParsedInputOf<'admin.updateSettings'>): WorkflowSettings {
    this.require(actor, 'settings.manage');
    return this.ctx.db.transaction(() => {
      const before = readWorkflowSettings(this.ctx);
      const changed: Partial<WorkflowSettings> = {};
      for (const key of Object.keys(SETTING_KEYS) as (keyof WorkflowSettings)[]) {
        const value = input[key];
        if (value === undefined || value === before[key]) continue;
        this.ctx.repos.settings.set(SETTING_KEYS[key], value);
        Object.assign(changed, { [key]: value });
      }
      if (Object.keys(changed).length > 0) {
        this.audit.record({ userId: actor.user.id, action: 'settings.update', details: { before, changed } });
      }
      return readWorkflowSettings(this.ctx);
    }).immediate();
  }

  roles(actor: Actor): RoleInfo[] {
    this.require(actor, 'user.manage');
    return this.repo.roles();
  }

  updateRole(actor: Actor, input: ParsedInputOf<'admin.updateRole'>): RoleInfo {
    this.require(actor, 'user.manage');
    return this.ctx.db.transaction(() => {
      const current = this.repo.roles().find((r) => r.code === input.code);
      if (!current) throw new ApiError('NOT_FOUND', '找不到这个角色。', { field: 'code' });
      if (current.version !== input.baseVersion) {
        throw new ApiError('CONFLICT', `角色“${current.label}”已被他人修改（现为版本 ${current.version}）。请刷新后再改。`);
      }
      const privileges = [...new Set(input.privileges)].sort();
      this.repo.setRolePrivileges(input.code, privileges, input.baseVersion, new Date().toISOString());
      this.assertSomeoneManages();
      const added = privileges.filter((p) => !current.privileges.includes(p));
      const removed = current.privileges.filter((p) => !privileges.includes(p));
      this.audit.record({ userId: actor.user.id, action: 'role.update', targetType: 'role', targetId: input.code, details: { added, removed } });
      return this.repo.roles().find((r) => r.code === input.code)!;
    }).immediate();
  }

  setUserRoles(actor: Actor, input: ParsedInputOf<'admin.setUserRoles'>): UserSummary {
    this.require(actor, 'user.manage');
    return this.ctx.db.transaction(() => {
      const before = this.user(input.userId);
      this.repo.setRoles(input.userId, input.roles, actor.user.id, new Date().toISOString());
      this.assertSomeoneManages();
      this.audit.record({ userId: actor.user.id, action: 'user.roles', targetType: 'user', targetId: input.userId, details: { before: before.roles, after: input.roles } });
      return this.user(input.userId);
    }).immediate();
  }

  /** Disabling ends the user's sessions at their next call and frees the locks they held. */
  setUserDisabled(actor: Actor, input: ParsedInputOf<'admin.setUserDisabled'>): UserSummary {
    this.require(actor, 'user.manage');
    if (input.userId === actor.user.id && input.disabled) {
      throw new ApiError('BAD_REQUEST', '不能停用自己正在使用的账号。');
    }
    const outbox: ApiEvent[] = [];
    const result = this.ctx.db.transaction(() => {
      const before = this.user(input.userId);
      if (before.disabled === input.disabled) return before;
      this.repo.setDisabled(input.userId, input.disabled, actor.user.id, new Date().toISOString());
      this.assertSomeoneManages();
      this.audit.record({ userId: actor.user.id, action: input.disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: input.userId });
      if (input.disabled) {
        this.locks.releaseUser(input.userId, actor.user.id, 'disabled', outbox);
        outbox.push({ type: 'session.ended', userId: input.userId, reason: 'disabled' });
      }
      return this.user(input.userId);
    }).immediate();
    for (const event of outbox) this.ctx.emit(event);
    return result;
  }

  async resetPassword(actor: Actor, input: ParsedInputOf<'admin.resetPassword'>): Promise<{ ok: true }> {
    this.require(actor, 'user.manage');
    this.user(input.userId);
    const hash = await hashPassword(input.newPassword);
    this.ctx.db.transaction(() => {
      this.user(input.userId);
      this.repo.setPassword(input.userId, hash, actor.user.id, new Date().toISOString());
      this.audit.record({ userId: actor.user.id, action: 'user.password_reset', targetType: 'user', targetId: input.userId });
    }).immediate();
    return { ok: true };
  }
}
