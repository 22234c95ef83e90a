import type { Privilege } from '../../shared/domain/roles';
import type { UserSummary } from '../../shared/domain/session';
import type { ApiEvent } from '../../shared/api/events';
import type { Store } from './store/store';
import { createRepositories, type Repositories } from './repositories/index';

/** The signed-in user a call runs as; services decide with it, never with what the UI shows. */
export interface Actor {
  user: UserSummary;
  privileges: ReadonlySet<Privilege>;
  tokenHash: string;
}

export interface CoreContext {
  store: Store;
  dataDir: string;
  readOnlyReason: string | null;
  repos: Repositories;
  /** Delivered once the current transaction commits (at once outside one); dropped if it rolls back. */
  emit(event: ApiEvent): void;
  /** One unit of work: every write inside commits together, and its events go out only after. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

/** What every service reads through: the repositories on the store, and where its events go. */
export function createContext(store: Store, dataDir: string, readOnlyReason: string | null, deliver: (event: ApiEvent) => void): CoreContext {
  return {
    store,
    dataDir,
    readOnlyReason,
    repos: createRepositories(store),
    emit: (event) => store.afterCommit(() => deliver(event)),
    transaction: (work) => store.transaction(work),
  };
}
