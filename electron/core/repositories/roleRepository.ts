import type { Store } from '../store/store';
import { DEFAULT_ROLES, PRIVILEGES, type Privilege, type RoleCode } from '../../../shared/domain/roles';

const KNOWN = new Set<string>(PRIVILEGES);

export class RoleRepository {
  constructor(private readonly store: Store) {}

  async seedDefaults(): Promise<void> {
    const now = new Date().toISOString();
    for (const role of DEFAULT_ROLES) {
      await this.store.run(
        `INSERT INTO roles (code, label, label_en, privileges, builtin, created_at, updated_at)
         VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (code) DO NOTHING`,
        [role.code, role.label, role.labelEn, JSON.stringify(role.privileges), now, now],
      );
    }
  }

  async privilegesOf(roles: RoleCode[]): Promise<Privilege[]> {
    if (roles.length === 0) return [];
    const rows = await this.store.all<{ privileges: string }>(`SELECT privileges FROM roles WHERE code IN (${roles.map(() => '?').join(',')})`, roles);
    const set = new Set<Privilege>();
    for (const row of rows) {
      for (const p of JSON.parse(row.privileges) as string[]) if (KNOWN.has(p)) set.add(p as Privilege);
    }
    return [...set].sort();
  }
}
