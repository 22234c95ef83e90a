import type { Db } from '../db/connection';
import type { RoleCode } from '../../../shared/domain/roles';
import type { UserSummary } from '../../../shared/domain/session';
import { newId } from '../../../shared/domain/ids';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  roles: string | null;
}

export interface UserRecord extends UserSummary {
  passwordHash: string;
}

const SELECT = `SELECT u.id, u.username, u.display_name, u.password_hash, u.disabled,
  (SELECT group_concat(role_code) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    roles: row.roles ? (row.roles.split(',').sort() as RoleCode[]) : [],
  };
}

export function toSummary(user: UserRecord): UserSummary {
  const { passwordHash: _hidden, ...summary } = user;
  return summary;
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  create(input: { username: string; displayName: string; passwordHash: string; roles: RoleCode[]; by: string | null }): UserRecord {
    const id = newId();
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.username, input.displayName, input.passwordHash, now, now, input.by);
    const addRole = this.db.prepare('INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)');
    for (const role of input.roles) addRole.run(id, role);
    return this.byId(id)!;
  }

  byId(id: string): UserRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UserRow | undefined;
    return row ? toRecord(row) : null;
  }

  byUsername(username: string): UserRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE u.username = ?`).get(username) as UserRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(): UserRecord[] {
    return (this.db.prepare(`${SELECT} ORDER BY u.username`).all() as UserRow[]).map(toRecord);
  }

  setPassword(id: string, passwordHash: string, by: string): void {
    this.db
      .prepare('UPDATE users SET password_hash = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(passwordHash, new Date().toISOString(), by, id);
  }
}
