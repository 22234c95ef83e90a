import type { Store } from '../../../electron/core/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api/events';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { count, userId } from './support';

let harness: Harness;
let sql: Store;
let admin: Client;
const events: ApiEvent[] = [];

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  sql = openTestSql(harness.location);
  admin = await harness.as('admin');
  harness.core.subscribe((e) => events.push(e));
});

afterAll(async () => {
  await sql.close();
  await harness.close();
});

const userRow = async (username: string) => (await sql.get('SELECT disabled, version, password_hash FROM users WHERE username = ?', [username]));

describe('users', () => {
  it('creates a user, assigns roles that take effect at the next call, resets the password and disables the account', async () => {
    const created = await admin.call('users.create', { username: 'intern', displayName: '实习生小周', password: 'first-pass1', roles: ['reporter'] });
    const intern = await harness.as('intern', 'first-pass1');
    expect((await intern.raw('workflow.overview', {})).ok).toBe(true);
    expect((await intern.raw('audit.list', {})).ok).toBe(false);

    expect((await admin.call('admin.setUserRoles', { userId: created.id, roles: ['reporter', 'chief_editor'] })).roles).toEqual(['chief_editor', 'reporter']);
    expect((await intern.raw('audit.list', {})).ok).toBe(true);

    await admin.call('admin.resetPassword', { userId: created.id, newPassword: 'second-pass2' });
    expect((await harness.anonymous.raw('auth.login', { username: 'intern', password: 'first-pass1' })).ok).toBe(false);
    const again = await harness.as('intern', 'second-pass2');

    const mark = events.length;
    expect((await admin.call('admin.setUserDisabled', { userId: created.id, disabled: true })).disabled).toBe(true);
    expect(events.slice(mark)).toContainEqual({ type: 'session.ended', userId: created.id, reason: 'disabled' });
    for (const client of [intern, again]) expect((await client.raw('auth.me', {})).ok ? null : 'refused').toBe('refused');
    expect((await harness.anonymous.raw('auth.login', { username: 'intern', password: 'second-pass2' })).ok).toBe(false);

    await admin.call('admin.setUserDisabled', { userId: created.id, disabled: false });
    expect((await harness.as('intern', 'second-pass2')).token).not.toBeNull();

    const actions = ((await sql.all("SELECT action FROM audit_log WHERE target_id = ? AND action LIKE 'user.%' ORDER BY at, id", [created.id])) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['user.create', 'user.roles', 'user.password_reset', 'user.disable', 'user.enable']);
  });

  it('refuses what would lock the paper out of its own administration, and changes nothing', async () => {
    const adminId = (await userId(sql, 'admin'));
    const self = await admin.raw('admin.setUserDisabled', { userId: adminId, disabled: true });
    expect(self.ok ? null : self.error.message).toContain('不能停用自己');
    const demoted = await admin.raw('admin.setUserRoles', { userId: adminId, roles: ['reporter'] });
    expect(demoted.ok ? null : demoted.error.code).toBe('CONFLICT');
    const roles = await admin.call('admin.listRoles', {});
    const adminRole = roles.find((r) => r.code === 'admin')!;
    const stripped = await admin.raw('admin.updateRole', { code: 'admin', privileges: adminRole.privileges.filter((p) => p !== 'user.manage'), baseVersion: adminRole.version });
    expect(stripped.ok ? null : stripped.error.message).toContain('管理用户');
    expect(await userRow('admin')).toMatchObject({ disabled: 0 });
    expect((await admin.call('admin.listRoles', {})).find((r) => r.code === 'admin')).toEqual(adminRole);
    expect(((await sql.all('SELECT role_code FROM user_roles WHERE user_id = ?', [adminId])) as { role_code: string }[]).map((r) => r.role_code)).toEqual(['admin']);
  });

  it('reports an unknown user as such', async () => {
    const response = await admin.raw('admin.setUserRoles', { userId: '01a223b7-9de7-70ae-8ef1-92499b73ba31', roles: ['editor'] });
    expect(response.ok ? null : response.error).toMatchObject({ code: 'NOT_FOUND', message: '找不到这个用户。' });
  });
});

describe('roles', () => {
  it('edits a role’s privileges for everyone holding it, refuses a stale edit, and records what changed', async () => {
    const reporter = await harness.as('reporter');
    const roles = await admin.call('admin.listRoles', {});
    const role = roles.find((r) => r.code === 'reporter')!;
    expect(role.userCount).toBe((await count(sql, "SELECT count(*) AS n FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role_code = 'reporter' AND u.disabled = 0")));
    expect((await reporter.raw('audit.list', {})).ok).toBe(false);

    const updated = await admin.call('admin.updateRole', { code: 'reporter', privileges: [...role.privileges, 'audit.read'], baseVersion: role.version });
    expect(updated.version).toBe(role.version + 1);
    expect(updated.privileges).toContain('audit.read');
    expect((await reporter.raw('audit.list', {})).ok).toBe(true);

    const stale = await admin.raw('admin.updateRole', { code: 'reporter', privileges: role.privileges, baseVersion: role.version });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    const audit = (await sql.all("SELECT details FROM audit_log WHERE action = 'role.update' AND target_id = 'reporter'")) as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ added: ['audit.read'], removed: [] }]);

    await admin.call('admin.updateRole', { code: 'reporter', privileges: role.privileges, baseVersion: updated.version });
    expect((await reporter.raw('audit.list', {})).ok ? null : 'refused').toBe('refused');
  });
});

describe('workflow settings', () => {
  it('reads defaults, stores a change once and audits it', async () => {
    const defaults = { allowSameReviewer: false, lockIdleMinutes: 15, pageBlankTolerancePercent: 1, printFileNamePattern: '{date}-{page:02}.pdf', printOutputDir: '' };
    expect(await admin.call('admin.getSettings', {})).toEqual(defaults);
    const before = (await count(sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'settings.update'"));
    expect(await admin.call('admin.updateSettings', { lockIdleMinutes: 30 })).toEqual({ ...defaults, lockIdleMinutes: 30 });
    await admin.call('admin.updateSettings', { lockIdleMinutes: 30 });
    expect((await count(sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'settings.update'"))).toBe(before + 1);
    const refused = await admin.raw('admin.updateSettings', { lockIdleMinutes: 2000 });
    expect(refused.ok ? null : refused.error.message).toContain('锁定超时（分钟）');
    expect((await admin.call('admin.getSettings', {})).lockIdleMinutes).toBe(30);
  });
});
