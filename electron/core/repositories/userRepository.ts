import type { Store } from '../store/store';
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
  (SELECT string_agg(role_code, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
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
  constructor(private readonly store: Store) {}

  async count(): Promise<number> {
    return (await this.store.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
  }

  async create(input: { username: string; displayName: string; passwordHash: string; roles: RoleCode[]; by: string | null }): Promise<UserRecord> {
    const id = newId();
    const now = new Date().toISOString();
    await this.store.run(
      `INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, input.username, input.displayName, input.passwordHash, now, now, input.by],
    );
    await this.addRoles(id, input.roles);
    return (await this.byId(id))!;
  }

  async addRoles(userId: string, roles: Iterable<RoleCode>): Promise<void> {
    for (const role of roles) await this.store.run('INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)', [userId, role]);
  }

  async byId(id: string): Promise<UserRecord | null> {
    const row = await this.store.get<UserRow>(`${SELECT} WHERE u.id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async byUsername(username: string): Promise<UserRecord | null> {
    const row = await this.store.get<UserRow>(`${SELECT} WHERE u.username = ?`, [username]);
    return row ? toRecord(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.store.all<UserRow>(`${SELECT} ORDER BY u.username`)).map(toRecord);
  }

  async setPassword(id: string, passwordHash: string, by: string): Promise<void> {
    await this.store.run('UPDATE users SET password_hash = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [
      passwordHash,
      new Date().toISOString(),
      by,
      id,
    ]);
  }
}
