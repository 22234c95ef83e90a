import path from 'node:path';
import Database from 'better-sqlite3';
import { createContext, type Actor, type CoreContext } from '../../../electron/core/context';
import { DB_FILE_NAME, openDatabase } from '../../../electron/core/db/connection';
import { toSummary } from '../../../electron/core/repositories/userRepository';
import { createServices, type ServiceOptions, type Services } from '../../../electron/core/services/index';
import { SessionService } from '../../../electron/core/services/sessionService';
import { SqliteStore } from '../../../electron/core/store/sqliteStore';
import { SqliteSearch } from '../../../electron/core/search/sqliteSearch';
import type { ApiEvent } from '../../../shared/api/events';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { RoleCode } from '../../../shared/domain/roles';
import { afterAll, beforeAll } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';

export const DOC = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A second connection to a harness's database, for setting up states and reading what the API wrote. */
export function rawDb(harness: Harness): Database.Database {
  const db = new Database(path.join(harness.dataDir, DB_FILE_NAME));
  db.pragma('busy_timeout = 5000');
  return db;
}

export function userId(db: Database.Database, username: string): string {
  return (db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
}

/** A story by `author` put straight into `status` (setup only: the transitions under test go through the API). */
export async function storyIn(client: Client, db: Database.Database, status: ArticleStatus, headline = '流程测试稿'): Promise<{ id: string; version: number }> {
  const article = await client.call('articles.create', { headline, body: DOC('记者从江城市园林局获悉，首座口袋公园今天开放。') });
  if (status !== 'draft') db.prepare('UPDATE articles SET status = ? WHERE id = ?').run(status, article.id);
  return { id: article.id, version: article.version };
}

export interface DemoDesk {
  harness: Harness;
  /** a second connection, for setting up states and reading what the API wrote */
  db: Database.Database;
  /** a signed-in client per user name */
  c: Record<string, Client>;
  /** every event the core emitted */
  events: ApiEvent[];
}

/** The demo newsroom for one test file: opened with `usernames` signed in before its tests, closed after. */
export function useDemoDesk(usernames: string[]): DemoDesk {
  const desk = { c: {}, events: [] } as Partial<DemoDesk> as DemoDesk;
  beforeAll(async () => {
    desk.harness = await openHarness({ demo: true });
    desk.db = rawDb(desk.harness);
    for (const username of usernames) desk.c[username] = await desk.harness.as(username);
    desk.harness.core.subscribe((event) => desk.events.push(event));
  });
  afterAll(async () => {
    desk.db.close();
    await desk.harness.close();
  });
  return desk;
}

export function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

export interface Direct {
  ctx: CoreContext;
  services: Services;
  events: ApiEvent[];
  actor(username: string, tokenHash?: string): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The services wired as the core wires them, on their own connection, for what no API method
 * reaches (the hooks ArticleService and auth.logout use).
 */
export function direct(dataDir: string, options: ServiceOptions = {}): Direct {
  const events: ApiEvent[] = [];
  const store = new SqliteStore(openDatabase(dataDir).db);
  const ctx = createContext(store, dataDir, null, (event) => events.push(event));
  const services = createServices(ctx, new SessionService(ctx), new SqliteSearch(store), options);
  return {
    ctx,
    services,
    events,
    async actor(username, tokenHash = `session-${username}`) {
      const user = (await ctx.repos.users.byUsername(username))!;
      return { user: toSummary(user), privileges: new Set(await ctx.repos.roles.privilegesOf(user.roles as RoleCode[])), tokenHash };
    },
    close: () => store.close(),
  };
}
