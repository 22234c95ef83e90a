import type { Store } from '../../../electron/core/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/api/contract';
import { DEFAULT_ROLES } from '../../../shared/domain/roles';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';

import type { Sample } from './samples/kit';
import { sessionSamples } from './samples/session';
import { articleSamples } from './samples/articles';
import { searchSamples } from './samples/search';
import { revisionSamples } from './samples/revisions';
import { importSamples } from './samples/importing';
import { workflowSamples } from './samples/workflow';
import { collaborationSamples } from './samples/collaboration';
import { administrationSamples } from './samples/administration';
import { proofreadingSamples } from './samples/proofreading';
import { photoSamples } from './samples/photos';
import { layoutSamples } from './samples/layout';
import { paperSamples } from './samples/paper';
import { interchangeSamples } from './samples/interchange';

const SAMPLES: Record<MethodName, Sample> = {
  ...sessionSamples,
  ...articleSamples,
  ...searchSamples,
  ...revisionSamples,
  ...importSamples,
  ...workflowSamples,
  ...collaborationSamples,
  ...administrationSamples,
  ...proofreadingSamples,
  ...photoSamples,
  ...layoutSamples,
  ...paperSamples,
  ...interchangeSamples,
};

const METHODS = Object.keys(contract) as MethodName[];

let harness: Harness;
let sql: Store;
let articleId: string;
const clients = new Map<string, Client>();

/** Every table except the audit log, whose permission.denied rows are expected. */
async function snapshot(): Promise<string> {
  const tables = await sql.all<{ name: string }>(
    sql.dialect === 'postgres'
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_log' ORDER BY tablename"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log' ORDER BY name",
  );
  const dumps: string[] = [];
  for (const { name } of tables) {
    // Rows in a canonical order: PostgreSQL returns a table's rows in no particular order.
    const rows = (await sql.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
    dumps.push(`${name}:${rows.join(',')}`);
  }
  return dumps.join('\n');
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  sql = openTestSql(harness.location);
  for (const username of ['reporter', 'editor', 'sectionhead', 'chief', 'layout', 'proofreader', 'admin']) {
    clients.set(username, await harness.as(username));
  }
  const list = await clients.get('reporter')!.call('articles.list', { limit: 1 });
  articleId = list.items[0]!.id;
});

afterAll(async () => {
  await sql.close();
  await harness.close();
});

describe('every API method validates its input before anything is written', () => {
  it.each(METHODS)('%s: invalid input → a VALIDATION error naming the field, nothing written', async (method) => {
    const sample = SAMPLES[method];
    const before = await snapshot();
    const response = await clients.get('admin')!.raw(method, sample.invalid);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    expect(response.error.message).toContain(sample.invalidLabel);
    expect(await snapshot()).toBe(before);
  });
});

describe('every method that needs a privilege refuses a role without it', () => {
  const guarded = METHODS.filter((m) => !['public', 'authenticated'].includes(contract[m].permission));
  const usernameByRole: Record<string, string> = {
    reporter: 'reporter',
    editor: 'editor',
    section_head: 'sectionhead',
    chief_editor: 'chief',
    layout_editor: 'layout',
    proofreader: 'proofreader',
    admin: 'admin',
  };

  it.each(guarded)('%s: refused with FORBIDDEN for every role lacking the privilege, nothing written', async (method) => {
    const permission = contract[method].permission;
    const lacking = DEFAULT_ROLES.filter((r) => !(r.privileges as string[]).includes(permission));
    for (const role of lacking) {
      const before = await snapshot();
      const auditBefore = (await sql.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied'"))!.n;
      const response = await clients.get(usernameByRole[role.code]!)!.raw(method, SAMPLES[method].valid({ articleId }));
      expect(response.ok, `${role.code} calling ${method}`).toBe(false);
      if (response.ok) continue;
      expect(response.error.code).toBe('FORBIDDEN');
      expect(await snapshot()).toBe(before);
      const auditAfter = (await sql.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied'"))!.n;
      expect(auditAfter).toBe(auditBefore + 1);
    }
  });

  it('an admin reading articles.list is allowed while article.create is not', async () => {
    const admin = clients.get('admin')!;
    expect((await admin.raw('articles.list', {})).ok).toBe(true);
    const refused = await admin.raw('articles.create', { headline: '管理员写稿' });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

describe('calls without a valid session', () => {
  const signedInOnly = METHODS.filter((m) => contract[m].permission !== 'public');
  it.each(signedInOnly)('%s: refused with UNAUTHENTICATED, nothing written', async (method) => {
    const before = await snapshot();
    const response = await harness.anonymous.raw(method, SAMPLES[method].valid({ articleId }));
    expect(response.ok ? null : response.error.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toBe(before);
  });

  it('an unknown method is refused with a clear message', async () => {
    const response = await clients.get('admin')!.raw('articles.dropTable', {});
    expect(response.ok ? null : response.error).toMatchObject({ code: 'UNKNOWN_METHOD' });
  });

  it('a logged-out token stops working', async () => {
    const client = await harness.as('editor');
    await client.call('auth.logout', {});
    const response = await client.raw('articles.list', {});
    expect(response.ok ? null : response.error.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong password is refused without saying whether the user exists', async () => {
    const a = await harness.anonymous.raw('auth.login', { username: 'reporter', password: 'wrong-pass' });
    const b = await harness.anonymous.raw('auth.login', { username: 'nobody', password: 'wrong-pass' });
    expect(a.ok ? null : a.error.message).toBe('用户名或密码不正确');
    expect(b.ok ? null : b.error.message).toBe('用户名或密码不正确');
  });
});
