import path from 'node:path';
import Database from 'better-sqlite3';
import type { Actor, CoreContext } from '../../../electron/core/context';
import { DB_FILE_NAME, openDatabase } from '../../../electron/core/db/connection';
import { ArticleRepository } from '../../../electron/core/repositories/articleRepository';
import { AuditRepository } from '../../../electron/core/repositories/auditRepository';
import { RoleRepository } from '../../../electron/core/repositories/roleRepository';
import { SettingsRepository } from '../../../electron/core/repositories/settingsRepository';
import { UserRepository, toSummary } from '../../../electron/core/repositories/userRepository';
import { WorkflowService, type WorkflowOptions } from '../../../electron/core/services/workflowService';
import { ArticleService } from '../../../electron/core/services/articleService';
import type { ApiEvent } from '../../../shared/api/events';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { RoleCode } from '../../../shared/domain/roles';
import type { Client, Harness } from '../../support/coreHarness';

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
  const opened = openDatabase(dataDir);
  const events: ApiEvent[] = [];
  const ctx: CoreContext = {
    db: opened.db,
    dataDir,
    readOnlyReason: null,
    repos: {
      articles: new ArticleRepository(opened.db),
      audit: new AuditRepository(opened.db),
      roles: new RoleRepository(opened.db),
      settings: new SettingsRepository(opened.db),
      users: new UserRepository(opened.db),
    } as CoreContext['repos'],
    emit: (event) => events.push(event),
  };
  return {
    ctx,
    workflow: new WorkflowService(ctx, options),
    articles: new ArticleService(ctx),
    events,
    actor(username, tokenHash = `session-${username}`) {
      const user = ctx.repos.users.byUsername(username)!;
      return { user: toSummary(user), privileges: new Set(ctx.repos.roles.privilegesOf(user.roles as RoleCode[])), tokenHash };
    },
    close: () => opened.db.close(),
  };
}
