import type { Db } from './db/connection';
import type { Privilege } from '../../shared/domain/roles';
import type { UserSummary } from '../../shared/domain/session';
import type { ApiEvent } from '../../shared/api/events';
import type { ArticleRepository } from './repositories/articleRepository';
import type { AuditRepository } from './repositories/auditRepository';
import type { RoleRepository } from './repositories/roleRepository';
import type { SettingsRepository } from './repositories/settingsRepository';
import type { UserRepository } from './repositories/userRepository';
import type { PhotoRepository } from './repositories/photoRepository';

/** The signed-in user a call runs as; services decide with it, never with what the UI shows. */
export interface Actor {
  user: UserSummary;
  privileges: ReadonlySet<Privilege>;
  tokenHash: string;
}

export interface Repositories {
  articles: ArticleRepository;
  audit: AuditRepository;
  roles: RoleRepository;
  settings: SettingsRepository;
  users: UserRepository;
  photos: PhotoRepository;
}

export interface CoreContext {
  db: Db;
  dataDir: string;
  readOnlyReason: string | null;
  repos: Repositories;
  emit(event: ApiEvent): void;
}
