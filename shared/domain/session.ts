import type { Privilege, RoleCode } from './roles';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: RoleCode[];
  disabled: boolean;
}

export interface SessionInfo {
  user: UserSummary;
  privileges: Privilege[];
  paperName: string;
}

export interface SetupStatus {
  initialized: boolean;
  paperName: string | null;
  /** The demo newsroom lists its accounts on the login screen. */
  demo: boolean;
}

export interface SystemInfo {
  appVersion: string;
  /** Where the newsroom's data lives: this data folder's SQLite database, or the newsroom server's PostgreSQL. */
  store: 'sqlite' | 'postgres';
  dataDir: string;
  schemaVersion: number;
  readOnly: boolean;
  readOnlyReason: string | null;
}
