import type { Db } from '../db/connection';
import { PRIVILEGES, type Privilege, type RoleCode } from '../../../shared/domain/roles';
import type { RoleInfo } from '../../../shared/workflow/types';

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
  constructor(private readonly db: Db) {}

  roles(): RoleInfo[] {
    const rows = this.db
      .prepare(
        `SELECT r.*, (SELECT count(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.role_code = r.code AND u.disabled = 0) AS user_count
         FROM roles r ORDER BY r.rowid`,
      )
      .all() as RoleRow[];
    return rows.map((r) => ({
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
  setRolePrivileges(code: RoleCode, privileges: readonly Privilege[], baseVersion: number, at: string): boolean {
    return (
      this.db
        .prepare('UPDATE roles SET privileges = ?, version = version + 1, updated_at = ? WHERE code = ? AND version = ?')
        .run(JSON.stringify([...privileges].sort()), at, code, baseVersion).changes === 1
    );
  }

  setDisabled(userId: string, disabled: boolean, by: string, at: string): void {
    this.db
      .prepare('UPDATE users SET disabled = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(disabled ? 1 : 0, at, by, userId);
  }

  setRoles(userId: string, roles: readonly RoleCode[], by: string, at: string): void {
    this.db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
    const add = this.db.prepare('INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)');
    for (const role of new Set(roles)) add.run(userId, role);
    this.db.prepare('UPDATE users SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(at, by, userId);
  }

  setPassword(userId: string, passwordHash: string, by: string, at: string): void {
    this.db
      .prepare('UPDATE users SET password_hash = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(passwordHash, at, by, userId);
  }

  /** Active users whose roles, as they stand in the database now, grant `privilege`. */
  activeHolders(privilege: Privilege): string[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.code = ur.role_code
           WHERE u.disabled = 0 AND EXISTS (SELECT 1 FROM json_each(r.privileges) p WHERE p.value = ?)`,
        )
        .all(privilege) as { id: string }[]
    ).map((r) => r.id);
  }
}
