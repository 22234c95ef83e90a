import type { Db } from './db/connection';
import type { Privilege } from '../../shared/domain/roles';
import type { UserSummary } from '../../shared/domain/session';
import type { ApiEvent } from '../../shared/api/events';
import { ArticleRepository } from './repositories/articleRepository';
import { AuditRepository } from './repositories/auditRepository';
import { RoleRepository } from './repositories/roleRepository';
import { SettingsRepository } from './repositories/settingsRepository';
import { UserRepository } from './repositories/userRepository';
import { PhotoRepository } from './repositories/photoRepository';

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

/** What every service reads through: the repositories on one connection, and where its events go. */
export function createContext(db: Db, dataDir: string, readOnlyReason: string | null, emit: (event: ApiEvent) => void): CoreContext {
  return {
    db,
    dataDir,
    readOnlyReason,
    repos: {
      articles: new ArticleRepository(db),
      audit: new AuditRepository(db),
      roles: new RoleRepository(db),
      settings: new SettingsRepository(db),
      users: new UserRepository(db),
      photos: new PhotoRepository(db),
    },
    emit,
  };
}
