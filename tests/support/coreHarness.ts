import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../electron/core/core';
import { DB_FILE_NAME } from '../../electron/core/db/connection';
import { PostgresStore, postgresPool } from '../../electron/core/store/postgresStore';
import { SqliteStore } from '../../electron/core/store/sqliteStore';
import type { Store } from '../../electron/core/store/store';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { ApiResponse } from '../../shared/api/errors';
import { tempDataDir } from './hostProcess';
import { testStore } from './testStore';

/** Where a harness keeps its newsroom: the data folder, and the PostgreSQL database when the run is on PostgreSQL. */
export interface Location {
  dataDir: string;
  database?: string;
}

/** A core in a fresh temp folder (and database), with a client per signed-in user (sessions kept like an adapter keeps them). */
export interface Harness {
  core: Core;
  dataDir: string;
  location: Location;
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  /** A client holding a session token from elsewhere (another process, before a restart). */
  withToken(token: string): Client;
  close(): Promise<void>;
}

export interface Client {
  raw(method: string, input: unknown): Promise<ApiResponse>;
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
  token: string | null;
}

function clientFor(core: Core, token: string | null): Client {
  const client: Client = {
    token,
    async raw(method, input) {
      const outcome = await core.dispatch({ sessionToken: client.token, transport: 'browser' }, method, input);
      if (outcome.session) client.token = 'set' in outcome.session ? outcome.session.set : null;
      return outcome.response;
    },
    async call(method, input) {
      const response = await client.raw(method, input);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.code} ${response.error.message}`);
      return response.result as never;
    },
  };
  return client;
}

/** A fresh newsroom location on the store this test run uses. */
export async function newLocation(dataDir = tempDataDir()): Promise<Location> {
  const database = await testStore().createDatabase();
  return database ? { dataDir, database } : { dataDir };
}

/** A harness on a new newsroom, or (with `location`) on one a harness before it left behind. */
export async function openHarness(options: { demo?: boolean; dataDir?: string; location?: Location } = {}): Promise<Harness> {
  const location = options.location ?? (await newLocation(options.dataDir));
  const core = await openCore({ ...location, demo: options.demo ?? false });
  return {
    core,
    dataDir: location.dataDir,
    location,
    anonymous: clientFor(core, null),
    withToken: (token) => clientFor(core, token),
    async as(username, password = 'demo1234') {
      const client = clientFor(core, null);
      await client.call('auth.login', { username, password });
      return client;
    },
    close: () => core.close(),
  };
}

/**
 * A second connection to a harness's database, for setting up states and reading what the API wrote,
 * with the same `?` SQL on either store (portable SQL only).
 */
export function openTestSql(location: Location): Store {
  if (location.database) return new PostgresStore(postgresPool(location.database, 2));
  const db = new Database(path.join(location.dataDir, DB_FILE_NAME));
  db.pragma('busy_timeout = 5000');
  return new SqliteStore(db);
}
