import path from 'node:path';
import Database from 'better-sqlite3';
import { createContext, type Actor, type CoreContext } from '../../../electron/core/context';
import { DB_FILE_NAME, openDatabase } from '../../../electron/core/db/connection';
import { toSummary } from '../../../electron/core/repositories/userRepository';
import { WorkflowService, type WorkflowOptions } from '../../../electron/core/services/workflowService';
import { ArticleService } from '../../../electron/core/services/articleService';
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

/** Puts a story in a slot on the demo's first page (setup only): 上版 takes a story that is on a page. */
export function onAPage(db: Database.Database, articleId: string): void {
  const page = db.prepare('SELECT id FROM pages ORDER BY number LIMIT 1').get() as { id: string };
  const now = new Date().toISOString();
  db.prepare("INSERT INTO page_slots (id, page_id, kind, col, line, columns, lines, article_id, created_at, updated_at) VALUES (?, ?, 'article', 0, 0, 1, 1, ?, ?, ?)").run(
    crypto.randomUUID(),
    page.id,
    articleId,
    now,
    now,
  );
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
  afterAll(() => {
    desk.db.close();
    desk.harness.close();
  });
  return desk;
}

export function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

export interface Direct {
  ctx: CoreContext;
  workflow: WorkflowService;
  articles: ArticleService;
  events: ApiEvent[];
  actor(username: string, tokenHash?: string): Actor;
  close(): void;
}

/**
 * The services on their own connection, for what no API method reaches
 * (hooks the lead wires into ArticleService and auth.logout).
 */
export function direct(dataDir: string, options: WorkflowOptions = {}): Direct {
  const events: ApiEvent[] = [];
  const ctx = createContext(openDatabase(dataDir).db, dataDir, null, (event) => events.push(event));
  return {
    ctx,
    workflow: new WorkflowService(ctx, options),
    articles: new ArticleService(ctx),
    events,
    actor(username, tokenHash = `session-${username}`) {
      const user = ctx.repos.users.byUsername(username)!;
      return { user: toSummary(user), privileges: new Set(ctx.repos.roles.privilegesOf(user.roles as RoleCode[])), tokenHash };
    },
    close: () => ctx.db.close(),
  };
}
