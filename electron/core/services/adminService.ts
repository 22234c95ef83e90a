import fs from 'node:fs';
import path from 'node:path';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ApiEvent } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import { PRIVILEGE_LABELS } from '../../../shared/api/labels';
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
  pageBlankTolerancePercent: 'layout.pageBlankTolerancePercent',
  printFileNamePattern: 'print.fileNamePattern',
  printOutputDir: 'print.outputDir',
};

export function readWorkflowSettings(ctx: CoreContext): WorkflowSettings {
  const read = <K extends keyof WorkflowSettings>(key: K): WorkflowSettings[K] => ctx.repos.settings.get<WorkflowSettings[K]>(SETTING_KEYS[key]) ?? DEFAULT_WORKFLOW_SETTINGS[key];
  return {
    allowSameReviewer: read('allowSameReviewer'),
    lockIdleMinutes: read('lockIdleMinutes'),
    pageBlankTolerancePercent: read('pageBlankTolerancePercent'),
    printFileNamePattern: read('printFileNamePattern'),
    printOutputDir: read('printOutputDir'),
  };
}

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

  settings(actor: Actor): WorkflowSettings {
    this.require(actor, 'settings.manage');
    return readWorkflowSettings(this.ctx);
  }

  updateSettings(actor: Actor, input: ParsedInputOf<'admin.updateSettings'>): WorkflowSettings {
    this.require(actor, 'settings.manage');
    const folder = input.printOutputDir === undefined ? null : printFolderProblem(input.printOutputDir);
    if (folder) throw new ApiError('VALIDATION', folder, { field: 'printOutputDir' });
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
        throw new ApiError('CONFLICT', `角色“${current.label}”已被他人修改（现为第 ${current.version} 版）。请刷新后再改。`);
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
