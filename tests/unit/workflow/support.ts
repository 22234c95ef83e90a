import { createContext, type Actor, type CoreContext } from '../../../electron/core/context';
import { openStore } from '../../../electron/core/core';
import { toSummary } from '../../../electron/core/repositories/userRepository';
import { createServices, type ServiceOptions, type Services } from '../../../electron/core/services/index';
import { SessionService } from '../../../electron/core/services/sessionService';
import type { Store } from '../../../electron/core/store/store';
import type { ApiEvent } from '../../../shared/api/events';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { RoleCode } from '../../../shared/domain/roles';
import { afterAll, beforeAll } from 'vitest';
import { openHarness, openTestSql, type Client, type Harness, type Location } from '../../support/coreHarness';

export const DOC = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

export async function userId(sql: Store, username: string): Promise<string> {
  return (await sql.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username]))!.id;
}

/** A story by `author` put straight into `status` (setup only: the transitions under test go through the API). */
export async function storyIn(client: Client, sql: Store, status: ArticleStatus, headline = '流程测试稿'): Promise<{ id: string; version: number }> {
  const article = await client.call('articles.create', { headline, body: DOC('记者从江城市园林局获悉，首座口袋公园今天开放。') });
  if (status !== 'draft') await sql.run('UPDATE articles SET status = ? WHERE id = ?', [status, article.id]);
  return { id: article.id, version: article.version };
}

/** Puts a story in a slot on the demo's first page (setup only): 上版 takes a story that is on a page. */
export async function onAPage(sql: Store, articleId: string): Promise<void> {
  const page = (await sql.get<{ id: string }>('SELECT id FROM pages ORDER BY number LIMIT 1'))!;
  const now = new Date().toISOString();
  await sql.run("INSERT INTO page_slots (id, page_id, kind, col, line, columns, lines, article_id, created_at, updated_at) VALUES (?, ?, 'article', 0, 0, 1, 1, ?, ?, ?)", [
    crypto.randomUUID(),
    page.id,
    articleId,
    now,
    now,
  ]);
}

export interface DemoDesk {
  harness: Harness;
  /** a second connection, for setting up states and reading what the API wrote */
  sql: Store;
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
    desk.sql = openTestSql(desk.harness.location);
    for (const username of usernames) desk.c[username] = await desk.harness.as(username);
    desk.harness.core.subscribe((event) => desk.events.push(event));
  });
  afterAll(async () => {
    await desk.sql.close();
    await desk.harness.close();
  });
  return desk;
}

export async function count(sql: Store, text: string, ...params: unknown[]): Promise<number> {
  return (await sql.get<{ n: number }>(text, params))!.n;
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
export async function direct(location: Location, options: ServiceOptions = {}): Promise<Direct> {
  const events: ApiEvent[] = [];
  const opened = await openStore(location);
  const { store, search } = opened;
  const ctx = createContext(store, location.dataDir, null, (event) => events.push(event));
  const services = createServices(ctx, new SessionService(ctx), search, options);
  return {
    ctx,
    services,
    events,
    async actor(username, tokenHash = `session-${username}`) {
      const user = (await ctx.repos.users.byUsername(username))!;
      return { user: toSummary(user), privileges: new Set(await ctx.repos.roles.privilegesOf(user.roles as RoleCode[])), tokenHash };
    },
    close: () => {
      return opened.close();
    },
  };
}
