import fs from 'node:fs';
import path from 'node:path';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { deskListRefusal } from '../../../shared/domain/desks';
import type { UserSummary } from '../../../shared/domain/session';
import type { RoleInfo, WorkflowSettings } from '../../../shared/administration/types';
import { hashPassword } from '../auth/passwords';
import { toSummary } from '../repositories/userRepository';
import type { AuditService } from './auditService';
import { staleVersion } from './conflicts';
import type { LockService } from './lockService';
import { requirePrivilege } from './permissions';
import type { SessionService } from './sessionService';

/** Why the print plant's folder cannot take files, in a sentence; null when it can ('' means downloads). */
export function printFolderProblem(dir: string): string | null {
  if (dir === '') return null;
  if (!path.isAbsolute(dir)) return `印厂文件夹要写完整路径（如 /srv/print 或 D:\\印厂），“${dir}”不是`;
  try {
    if (!fs.statSync(dir).isDirectory()) return `“${dir}”不是文件夹`;
    fs.accessSync(dir, fs.constants.W_OK);
    return null;
  } catch {
    return `印厂文件夹“${dir}”不存在或不能写入：请先建好文件夹并给本程序写入权限`;
  }
}

/** Users, roles and the paper's workflow settings, as the administrator edits them. */
export class AdminService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    private readonly locks: LockService,
    private readonly sessions: SessionService,
  ) {}

  private get repo() {
    return this.ctx.repos.admin;
  }

  /** Runs inside the change's transaction: a change that would leave nobody able to manage users rolls back. */
  private async assertSomeoneManages(): Promise<void> {
    if ((await this.repo.activeHolders('user.manage')).length === 0) {
      throw new ApiError('CONFLICT', '这样修改之后，将没有任何在用账号拥有“管理用户”权限，以后就无法再管理用户和角色了。修改未保存。');
    }
  }

  private async user(userId: string): Promise<UserSummary> {
    const user = await this.ctx.repos.users.byId(userId);
    if (!user) throw new ApiError('NOT_FOUND', '找不到这个用户。', { field: 'userId' });
    return toSummary(user);
  }

  desks(): Promise<string[]> {
    return this.ctx.repos.settings.desks();
  }

  setDesks(actor: Actor, desks: readonly string[]): Promise<string[]> {
    requirePrivilege(actor, 'settings.manage');
    const why = deskListRefusal(desks);
    if (why) throw new ApiError('VALIDATION', why, { field: 'desks' });
    return this.ctx.transaction(async () => {
      const before = await this.ctx.repos.settings.desks();
      if (before.join('\n') !== desks.join('\n')) {
        await this.ctx.repos.settings.setDesks(desks);
        await this.audit.record({ userId: actor.user.id, action: 'settings.desks', details: { before, after: desks } });
      }
      return this.ctx.repos.settings.desks();
    });
  }

  settings(actor: Actor): Promise<WorkflowSettings> {
    requirePrivilege(actor, 'settings.manage');
    return this.ctx.repos.settings.workflow();
  }

  updateSettings(actor: Actor, input: ParsedInputOf<'admin.updateSettings'>): Promise<WorkflowSettings> {
    requirePrivilege(actor, 'settings.manage');
    const folder = input.printOutputDir === undefined ? null : printFolderProblem(input.printOutputDir);
    if (folder) throw new ApiError('VALIDATION', folder, { field: 'printOutputDir' });
    return this.ctx.transaction(async () => {
      const before = await this.ctx.repos.settings.workflow();
      const changed: Partial<WorkflowSettings> = {};
      for (const key of Object.keys(before) as (keyof WorkflowSettings)[]) {
        const value = input[key];
        if (value === undefined || value === before[key]) continue;
        await this.ctx.repos.settings.setWorkflow(key, value);
        Object.assign(changed, { [key]: value });
      }
      if (Object.keys(changed).length > 0) {
        await this.audit.record({ userId: actor.user.id, action: 'settings.update', details: { before, changed } });
      }
      return this.ctx.repos.settings.workflow();
    });
  }

  roles(actor: Actor): Promise<RoleInfo[]> {
    requirePrivilege(actor, 'user.manage');
    return this.repo.roles();
  }

  updateRole(actor: Actor, input: ParsedInputOf<'admin.updateRole'>): Promise<RoleInfo> {
    requirePrivilege(actor, 'user.manage');
    return this.ctx.transaction(async () => {
      const current = (await this.repo.roles()).find((r) => r.code === input.code);
      if (!current) throw new ApiError('NOT_FOUND', '找不到这个角色。', { field: 'code' });
      if (current.version !== input.baseVersion) {
        throw staleVersion(`角色“${current.label}”`, { byName: null, version: current.version }, '请刷新后再改。');
      }
      const privileges = [...new Set(input.privileges)].sort();
      await this.repo.setRolePrivileges(input.code, privileges, input.baseVersion, new Date().toISOString());
      await this.assertSomeoneManages();
      const added = privileges.filter((p) => !current.privileges.includes(p));
      const removed = current.privileges.filter((p) => !privileges.includes(p));
      await this.audit.record({ userId: actor.user.id, action: 'role.update', targetType: 'role', targetId: input.code, details: { added, removed } });
      return (await this.repo.roles()).find((r) => r.code === input.code)!;
    });
  }

  setUserRoles(actor: Actor, input: ParsedInputOf<'admin.setUserRoles'>): Promise<UserSummary> {
    requirePrivilege(actor, 'user.manage');
    return this.ctx.transaction(async () => {
      const before = await this.user(input.userId);
      await this.repo.setRoles(input.userId, input.roles, actor.user.id, new Date().toISOString());
      await this.assertSomeoneManages();
      await this.audit.record({ userId: actor.user.id, action: 'user.roles', targetType: 'user', targetId: input.userId, details: { before: before.roles, after: input.roles } });
      return this.user(input.userId);
    });
  }

  /** Disabling ends the user's sessions (their windows are told) and frees the locks they held. */
  async setUserDisabled(actor: Actor, input: ParsedInputOf<'admin.setUserDisabled'>): Promise<UserSummary> {
    requirePrivilege(actor, 'user.manage');
    if (input.userId === actor.user.id && input.disabled) {
      throw new ApiError('BAD_REQUEST', '不能停用自己正在使用的账号。');
    }
    const user = await this.ctx.transaction(async () => {
      const before = await this.user(input.userId);
      if (before.disabled === input.disabled) return before;
      await this.repo.setDisabled(input.userId, input.disabled, actor.user.id, new Date().toISOString());
      await this.assertSomeoneManages();
      await this.audit.record({ userId: actor.user.id, action: input.disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: input.userId });
      if (input.disabled) {
        await this.locks.releaseUser(input.userId, actor.user.id, 'disabled');
      }
      return this.user(input.userId);
    });
    if (input.disabled) await this.sessions.endAllOf(input.userId, 'disabled');
    return user;
  }

  /** Ends every session of the account, except the administrator's own when resetting their own password. */
  async resetPassword(actor: Actor, input: ParsedInputOf<'admin.resetPassword'>): Promise<{ ok: true }> {
    requirePrivilege(actor, 'user.manage');
    await this.user(input.userId);
    const hash = await hashPassword(input.newPassword);
    await this.ctx.transaction(async () => {
      await this.user(input.userId);
      await this.ctx.repos.users.setPassword(input.userId, hash, actor.user.id);
      await this.audit.record({ userId: actor.user.id, action: 'user.password_reset', targetType: 'user', targetId: input.userId });
    });
    await this.sessions.endAllOf(input.userId, 'password', input.userId === actor.user.id ? actor.tokenHash : undefined);
    return { ok: true };
  }
}
