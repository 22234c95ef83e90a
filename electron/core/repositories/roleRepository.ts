import type { Db } from '../db/connection';
import { DEFAULT_ROLES, PRIVILEGES, type Privilege, type RoleCode } from '../../../shared/domain/roles';

const KNOWN = new Set<string>(PRIVILEGES);

export class RoleRepository {
  constructor(private readonly db: Db) {}

  seedDefaults(): void {
    const now = new Date().toISOString();
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO roles (code, label, label_en, privileges, builtin, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    );
    for (const role of DEFAULT_ROLES) {
      insert.run(role.code, role.label, role.labelEn, JSON.stringify(role.privileges), now, now);
    }
  }

  privilegesOf(roles: RoleCode[]): Privilege[] {
    if (roles.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT privileges FROM roles WHERE code IN (${roles.map(() => '?').join(',')})`)
      .all(...roles) as { privileges: string }[];
    const set = new Set<Privilege>();
    for (const row of rows) {
      for (const p of JSON.parse(row.privileges) as string[]) if (KNOWN.has(p)) set.add(p as Privilege);
    }
    return [...set].sort();
  }

  labelOf(code: RoleCode): string {
    const row = this.db.prepare('SELECT label FROM roles WHERE code = ?').get(code) as { label: string } | undefined;
    return row?.label ?? code;
  }
}
