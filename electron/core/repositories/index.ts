import type { Store } from '../store/store';
import { AdminRepository } from './adminRepository';
import { ArticleRepository } from './articleRepository';
import { AuditQueryRepository } from './auditQueryRepository';
import { AuditRepository } from './auditRepository';
import { CaptionRepository } from './captionRepository';
import { CommentRepository } from './commentRepository';
import { LayoutRepository } from './layoutRepository';
import { LockRepository } from './lockRepository';
import { LoginFailureRepository } from './loginFailureRepository';
import { NotificationRepository } from './notificationRepository';
import { PhotoLibraryRepository, PhotoRepository } from './photoRepository';
import { ProofreadingRepository } from './proofreadingRepository';
import { ProofRepository } from './proofRepository';
import { RevisionRepository } from './revisionRepository';
import { RoleRepository } from './roleRepository';
import { SessionRepository } from './sessionRepository';
import { SettingsRepository } from './settingsRepository';
import { UserRepository } from './userRepository';
import { WorkflowRepository } from './workflowRepository';

export type Repositories = ReturnType<typeof createRepositories>;

/** Every repository, created once per store; services reach them only through the context. */
export function createRepositories(store: Store) {
  return {
    admin: new AdminRepository(store),
    articles: new ArticleRepository(store),
    audit: new AuditRepository(store),
    auditQuery: new AuditQueryRepository(store),
    captions: new CaptionRepository(store),
    comments: new CommentRepository(store),
    layout: new LayoutRepository(store),
    locks: new LockRepository(store),
    loginFailures: new LoginFailureRepository(store),
    notifications: new NotificationRepository(store),
    photos: new PhotoRepository(store),
    photoLibrary: new PhotoLibraryRepository(store),
    proofreading: new ProofreadingRepository(store),
    proofDesk: new ProofRepository(store),
    revisions: new RevisionRepository(store),
    roles: new RoleRepository(store),
    sessions: new SessionRepository(store),
    settings: new SettingsRepository(store),
    users: new UserRepository(store),
    workflow: new WorkflowRepository(store),
  };
}
