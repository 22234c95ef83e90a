import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';
import { tempDataDir } from '../../support/hostProcess';

let harness: Harness;
let reporter: Client;
let admin: Client;

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  reporter = await harness.as('reporter');
  admin = await harness.as('admin');
});

afterAll(() => harness.close());

async function refusal(client: Client, method: string, input: unknown) {
  const response = await client.raw(method, input);
  return response.ok ? null : response.error;
}

describe('the paper’s desks (部门)', () => {
  it('are the demo’s six, readable by everyone signed in', async () => {
    expect(await reporter.call('admin.desks', {})).toEqual(['要闻部', '经济部', '社会部', '文体部', '评论部', '摄影部']);
  });

  it('refuse a desk not on the list with a sentence naming the listed one meant, and write nothing', async () => {
    const before = (await reporter.call('articles.list', { limit: 1 })).total;
    expect(await refusal(reporter, 'articles.create', { headline: '菜价回落', desk: '经济' })).toMatchObject({
      code: 'VALIDATION',
      field: 'desk',
      message: '部门“经济”不在本报的部门列表中（是不是“经济部”？），请从列表中选择；管理员可在“用户与角色 › 部门”里增加。',
    });
    expect((await reporter.call('articles.list', { limit: 1 })).total).toBe(before);
    const story = await reporter.call('articles.create', { headline: '菜价回落', desk: '经济部' });
    expect(story.desk).toBe('经济部');
    expect(await refusal(reporter, 'articles.update', { id: story.id, baseVersion: story.version, patch: { desk: '财经部' } })).toMatchObject({ code: 'VALIDATION', field: 'desk' });
  });

  it('taken off the list, stays on the stories that have it: they open and save; changing it must pick a listed one', async () => {
    const story = await reporter.call('articles.create', { headline: '评论：让口袋公园多起来', desk: '评论部' });
    await admin.call('admin.setDesks', { desks: ['要闻部', '经济部', '社会部', '文体部', '摄影部'] });
    try {
      const opened = await reporter.call('articles.get', { id: story.id });
      expect(opened.desk).toBe('评论部');
      const saved = await reporter.call('articles.update', { id: story.id, baseVersion: opened.version, patch: { headline: '评论：让口袋公园再多一些', desk: '评论部' } });
      expect([saved.headline, saved.desk]).toEqual(['评论：让口袋公园再多一些', '评论部']);
      expect(await refusal(reporter, 'articles.update', { id: story.id, baseVersion: saved.version, patch: { desk: '评论' } })).toMatchObject({ code: 'VALIDATION' });
      const none = await reporter.call('articles.update', { id: story.id, baseVersion: saved.version, patch: { desk: '' } });
      expect(none.desk).toBe('');
    } finally {
      await admin.call('admin.setDesks', { desks: ['要闻部', '经济部', '社会部', '文体部', '评论部', '摄影部'] });
    }
  });

  it('are kept by the administrator only, each once, and every change is in the audit log', async () => {
    expect((await refusal(reporter, 'admin.setDesks', { desks: ['要闻部'] }))?.code).toBe('FORBIDDEN');
    expect(await refusal(admin, 'admin.setDesks', { desks: ['要闻部', '要闻部'] })).toMatchObject({ code: 'VALIDATION', message: '部门“要闻部”重复了' });
    expect(await admin.call('admin.setDesks', { desks: ['要闻部', '经济部', '社会部', '文体部', '评论部', '摄影部', '政法部'] })).toContain('政法部');
    const audit = await admin.call('audit.list', { action: 'settings.desks', limit: 5 });
    expect(audit.items[0]?.details).toMatchObject({ after: expect.arrayContaining(['政法部']) });
    await admin.call('admin.setDesks', { desks: ['要闻部', '经济部', '社会部', '文体部', '评论部', '摄影部'] });
  });
});

describe('migration 015', () => {
  it('gives a paper without a list the desks its stories carry, so none of them is refused after the upgrade', async () => {
    const dir = tempDataDir();
    await (await openCore({ dataDir: dir, demo: true })).close();
    // As a data folder from before the list (version 14): no setting, the free-text desks of the time, and no column of 016's.
    const old = new Database(path.join(dir, DB_FILE_NAME));
    old.prepare("DELETE FROM settings WHERE key = 'paper.desks'").run();
    old.exec('ALTER TABLE article_photos DROP COLUMN crop');
    old.prepare("UPDATE articles SET desk = '经济' WHERE id = (SELECT id FROM articles WHERE desk = '经济部' LIMIT 1)").run();
    old.pragma('user_version = 14');
    old.close();

    const core = await openCore({ dataDir: dir });
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    const row = db.prepare("SELECT value FROM settings WHERE key = 'paper.desks'").get() as { value: string };
    const carried = (db.prepare("SELECT DISTINCT desk FROM articles WHERE desk <> '' ORDER BY desk").all() as { desk: string }[]).map((r) => r.desk);
    db.close();
    await core.close();
    expect(JSON.parse(row.value)).toEqual(carried);
    expect(carried).toEqual(expect.arrayContaining(['经济', '经济部']));
  });
});
