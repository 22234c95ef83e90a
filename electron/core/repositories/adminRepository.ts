import { likeLiteral, type Store } from '../store/store';
import { PRIVILEGES, ROLE_CODES, type Privilege, type RoleCode } from '../../../shared/domain/roles';
import type { RoleInfo } from '../../../shared/administration/types';

const KNOWN = new Set<string>(PRIVILEGES);

interface RoleRow {
  code: string;
  label: string;
  label_en: string;
  privileges: string;
  builtin: number;
  version: number;
  user_count: number;
}

/** Writes to users and roles that only the administration screen makes. */
export class AdminRepository {
  constructor(private readonly store: Store) {}

  /** In the order the roles are defined (the desk's order: reporter first, administrator last). */
  async roles(): Promise<RoleInfo[]> {
    const rows = await this.store.all<RoleRow>(
      `SELECT r.*, (SELECT count(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_code = r.code AND u.disabled = 0) AS user_count
       FROM roles r`,
    );
    const order = (code: string) => ROLE_CODES.indexOf(code as RoleCode);
    return rows
      .sort((a, b) => order(a.code) - order(b.code))
      .map((r) => ({
        code: r.code as RoleCode,
        label: r.label,
        labelEn: r.label_en,
        privileges: (JSON.parse(r.privileges) as string[]).filter((p): p is Privilege => KNOWN.has(p)),
        builtin: r.builtin === 1,
        version: r.version,
        userCount: r.user_count,
      }));
  }

  /** Returns false when the role moved on from baseVersion. */
  async setRolePrivileges(code: RoleCode, privileges: readonly Privilege[], baseVersion: number, at: string): Promise<boolean> {
    const changes = await this.store.run('UPDATE roles SET privileges = ?, version = version + 1, updated_at = ? WHERE code = ? AND version = ?', [
      JSON.stringify([...privileges].sort()),
      at,
      code,
      baseVersion,
    ]);
    return changes === 1;
  }

  async setDisabled(userId: string, disabled: boolean, by: string, at: string): Promise<void> {
    await this.store.run('UPDATE users SET disabled = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [disabled ? 1 : 0, at, by, userId]);
  }

  async setRoles(userId: string, roles: readonly RoleCode[], by: string, at: string): Promise<void> {
    await this.store.run('DELETE FROM user_roles WHERE user_id = ?', [userId]);
    for (const role of new Set(roles)) await this.store.run('INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)', [userId, role]);
    await this.store.run('UPDATE users SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [at, by, userId]);
  }

  /** Active users whose roles, as they stand in the database now, grant `privilege`. */
  async activeHolders(privilege: Privilege): Promise<string[]> {
    // The privilege lists are JSON arrays of quoted codes: a quoted match is an exact one.
    const rows = await this.store.all<{ id: string }>(
      `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.code = ur.role_code
       WHERE u.disabled = 0 AND r.privileges LIKE ? ESCAPE '\\'`,
      [`%${likeLiteral(JSON.stringify(privilege))}%`],
    );
    return rows.map((r) => r.id);
  }
}
