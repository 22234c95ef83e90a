import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../../electron/core/auth/passwords';
import { localDate } from '../../../electron/core/clock';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { RoleRepository } from '../../../electron/core/repositories/roleRepository';
import { SqliteStore } from '../../../electron/core/store/sqliteStore';
import { blocksToDoc } from '../../../shared/document/docText';
import type { InputOf } from '../../../shared/api/contract';
import type { ArticleSearchResult } from '../../../shared/api/methods/search';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { testStore } from '../../support/testStore';
import { tempDataDir } from '../../support/hostProcess';

const body = (...paragraphs: string[]) => blocksToDoc(paragraphs.map((text) => ({ kind: 'p' as const, text })));
const show = (snippet: string) => snippet.replaceAll('\uE000', '[').replaceAll('\uE001', ']');

let harness: Harness;
let reporter: Client;
let reporter2: Client;

async function search(input: InputOf<'search.articles'>, as: Client = reporter): Promise<ArticleSearchResult> {
  return as.call('search.articles', input);
}

const headlines = (result: ArticleSearchResult) => result.items.map((i) => i.headline);

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  reporter = await harness.as('reporter');
  reporter2 = await harness.as('reporter2');
});

afterAll(() => harness.close());

describe('one- and two-character queries', () => {
  let lighthouseId: string;
  beforeAll(async () => {
    const lighthouse = await reporter.call('articles.create', { headline: '江边新建一座灯塔', body: body('夜里，灯塔的光照亮了渡口。') });
    lighthouseId = lighthouse.id;
    await reporter.call('articles.create', { headline: '渡口往事', bylines: [{ name: '塔娜', role: '记者' }], body: body('老人们还记得摆渡的日子。') });
    await reporter.call('articles.create', { headline: '樟树林里的小学', bylines: [{ name: '石磊', role: '通讯员' }], body: body('孩子们在树下读书。') });
  });

  it('find a word at the very end of a headline, with the hit marked in the snippet', async () => {
    const result = await search({ query: '灯塔' });
    expect(result.total).toBe(1);
    expect(result.items[0]).toMatchObject({ id: lighthouseId, field: 'headline' });
    expect(show(result.items[0]!.snippet)).toBe('江边新建一座[灯塔]');
  });

  it('find a single character, newest first, wherever it stands', async () => {
    const result = await search({ query: '塔' });
    expect(headlines(result)).toEqual(['渡口往事', '江边新建一座灯塔']);
    expect(result.items.map((i) => i.field)).toEqual(['byline', 'headline']);
  });

  it('find a two-character byline that is the whole field', async () => {
    const result = await search({ query: '石磊' });
    expect(headlines(result)).toEqual(['樟树林里的小学']);
    expect(result.items[0]).toMatchObject({ field: 'byline', snippet: '\uE000石磊\uE001', bylineNames: ['石磊'] });
  });

  it('match Latin letters in any case and punctuation exactly', async () => {
    await reporter.call('articles.create', { headline: '渡口通了WiFi', body: body('他说：『渡口，就是家』。') });
    expect(headlines(await search({ query: 'wI' }))).toEqual(['渡口通了WiFi']);
    expect(headlines(await search({ query: '』' }))).toEqual(['渡口通了WiFi']);
    expect(show((await search({ query: '：『' })).items[0]!.snippet)).toBe('他说[：『]渡口，就是家』。');
    expect((await search({ query: '『家' })).total).toBe(0);
  });

  it('find body text and say so', async () => {
    const result = await search({ query: '摆渡' });
    expect(result.items.map((i) => [i.headline, i.field, show(i.snippet)])).toEqual([['渡口往事', 'body', '老人们还记得[摆渡]的日子。']]);
  });
});

describe('queries of three or more characters', () => {
  beforeAll(async () => {
    await reporter.call('articles.create', { headline: '普通的一天', body: body(`${'码头上人来人往。'.repeat(8)}入夜后，栈桥夜景吸引了不少市民。`) });
    await reporter.call('articles.create', { headline: '栈桥夜景', body: body('新栈桥装上了灯。') });
    await reporter.call('articles.create', { headline: '规则说明', body: body('条件写作 A AND (B OR C)，括号不能省。') });
  });

  it('match the exact phrase and rank a headline hit above a body hit', async () => {
    const result = await search({ query: '栈桥夜景' });
    expect(headlines(result)).toEqual(['栈桥夜景', '普通的一天']);
    expect(result.total).toBe(2);
    expect(show(result.items[1]!.snippet)).toBe('…码头上人来人往。码头上人来人往。入夜后，[栈桥夜景]吸引了不少市民。');
  });

  it('never read FTS syntax in what a person typed', async () => {
    const typed = ['"地铁 AND (', 'NEAR(灯塔 渡口)', '*', '灯塔*', '^灯塔', 'heading:灯塔', '"', '""', '灯塔"', '(', ')', 'AND', 'OR 灯塔', '-灯塔', '{heading}: 灯', '灯\u0000塔', '\uE000'];
    for (const query of typed) {
      const response = await reporter.raw('search.articles', { query });
      expect(response.ok, query).toBe(true);
    }
    expect((await search({ query: '"地铁 AND (' })).total).toBe(0);
  });

  it('find operator words and brackets as plain text', async () => {
    expect(headlines(await search({ query: 'AND (B' }))).toEqual(['规则说明']);
    expect(headlines(await search({ query: 'and (b or' }))).toEqual(['规则说明']);
  });
});

describe('what a search sees', () => {
  let draft: { id: string; version: number };
  beforeAll(async () => {
    draft = await reporter.call('articles.create', { headline: '钟楼修缮完工', desk: '社会部', body: body('百年钟楼重新敲响。') });
    await reporter2.call('articles.create', { headline: '钟楼下的集市', desk: '经济部', body: body('周末的集市热闹非凡。') });
  });

  it('narrows by status, desk, author and the day of the last change', async () => {
    const me = (await reporter.call('auth.me', {})).user.id;
    const today = localDate(new Date());
    const yesterday = localDate(new Date(Date.now() - 86_400_000));
    expect((await search({ query: '钟楼' })).total).toBe(2);
    expect((await search({ query: '钟楼', status: ['printed'] })).total).toBe(0);
    expect(headlines(await search({ query: '钟楼', status: ['draft'], desk: '社会部' }))).toEqual(['钟楼修缮完工']);
    expect(headlines(await search({ query: '钟楼', authorId: me }))).toEqual(['钟楼修缮完工']);
    expect((await search({ query: '钟楼', dateFrom: today, dateTo: today })).total).toBe(2);
    expect((await search({ query: '钟楼', dateTo: yesterday })).total).toBe(0);
    expect((await search({ query: '钟楼修缮', dateFrom: yesterday, desk: '社会部' })).total).toBe(1);
  });

  it('follows an edit: the old words are gone, the new ones found', async () => {
    const current = await reporter.call('articles.get', { id: draft.id });
    const saved = await reporter.call('articles.update', {
      id: draft.id,
      baseVersion: current.version,
      patch: { headline: '鼓楼修缮完工', body: body('百年鼓楼重新敲响。') },
    });
    draft = saved;
    expect(headlines(await search({ query: '钟楼' }))).toEqual(['钟楼下的集市']);
    expect(headlines(await search({ query: '鼓楼修缮' }))).toEqual(['鼓楼修缮完工']);
  });

  it('leaves deleted stories to the trash until they are restored', async () => {
    await reporter.call('articles.delete', { id: draft.id, baseVersion: draft.version });
    expect((await search({ query: '鼓楼' })).total).toBe(0);
    const trash = await search({ query: '鼓楼', trash: true });
    expect(headlines(trash)).toEqual(['鼓楼修缮完工']);
    await reporter.call('articles.restore', { id: draft.id });
    expect(headlines(await search({ query: '鼓楼' }))).toEqual(['鼓楼修缮完工']);
    expect((await search({ query: '鼓楼', trash: true })).total).toBe(0);
  });
});

describe('paging', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 5; i += 1) await reporter.call('articles.create', { headline: `渔港简讯第${i}期`, body: body('渔港') });
  });

  it('pages through hits newest first and keeps the total past the last page', async () => {
    const first = await search({ query: '渔港', limit: 2 });
    expect(first).toMatchObject({ total: 5 });
    expect(headlines(first)).toEqual(['渔港简讯第5期', '渔港简讯第4期']);
    expect(headlines(await search({ query: '渔港', limit: 2, offset: 4 }))).toEqual(['渔港简讯第1期']);
    expect(await search({ query: '渔港', limit: 2, offset: 10 })).toMatchObject({ items: [], total: 5 });
    expect(await search({ query: '渔港简讯', limit: 2, offset: 10 })).toMatchObject({ items: [], total: 5 });
  });

  it('refuses bad input with a message naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ query: '' }, '搜索内容'],
      [{ query: '渔'.repeat(201) }, '搜索内容'],
      [{ query: '渔港', limit: 101 }, '每页条数'],
      [{ query: '渔港', dateFrom: '2025-02-30' }, '起始日期'],
      [{ query: '渔港', dateFrom: '2025-03-02', dateTo: '2025-03-01' }, '结束日期'],
      [{ query: '渔港', status: ['lost'] }, '状态'],
    ];
    for (const [input, label] of cases) {
      const response = await reporter.raw('search.articles', input);
      expect(response.ok ? null : response.error.message, JSON.stringify(input)).toContain(label);
    }
  });
});

describe('filter choices', () => {
  it('lists the authors and desks of live stories in pinyin order', async () => {
    const facets = await reporter.call('search.facets', {});
    expect(facets.authors.map((a) => a.displayName)).toEqual(['李静', '张晓明']);
    expect(facets.desks).toEqual(['经济部', '评论部', '社会部', '摄影部', '文体部', '要闻部']);
  });
});

describe.runIf(testStore().name === 'sqlite')('an older SQLite database (PostgreSQL starts at schema 10)', () => {
  it('has its stories indexed by the migration, deleted ones only in the trash', async () => {
    const dir = tempDataDir();
    const db = new Database(path.join(dir, DB_FILE_NAME));
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    await new RoleRepository(new SqliteStore(db)).seedDefaults();
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES ('u1', 'old', '老编辑', ?, ?, ?)`).run(
      await hashPassword('old-pass-1'),
      now,
      now,
    );
    db.prepare(`INSERT INTO user_roles (user_id, role_code) VALUES ('u1', 'reporter')`).run();
    const insert = db.prepare(
      `INSERT INTO articles (id, headline, byline_names, body, body_text, created_at, created_by, updated_at, updated_by, deleted_at)
       VALUES (?, ?, ?, '{"type":"doc","content":[]}', ?, ?, 'u1', ?, 'u1', ?)`,
    );
    insert.run('01a223b7-9de7-70ae-8ef1-92499b73ba31', '旧报库里的灯塔', '王伟', '灯塔守护人三十年如一日。', now, now, null);
    insert.run('01a223b7-9de7-70ae-8ef1-92499b73ba32', '已删除的灯塔稿', '', '灯塔', now, now, now);
    db.close();

    const old = await openHarness({ dataDir: dir });
    try {
      const client = await old.as('old', 'old-pass-1');
      const find = async (query: string, trash = false) => headlines(await client.call('search.articles', { query, trash }));
      expect(await find('守护人')).toEqual(['旧报库里的灯塔']);
      expect(await find('灯塔')).toEqual(['旧报库里的灯塔']);
      expect(await find('王伟')).toEqual(['旧报库里的灯塔']);
      expect(await find('灯塔', true)).toEqual(['已删除的灯塔稿']);
    } finally {
      await old.close();
    }
  });
});

describe('indexing an edit after its save', () => {
  const pending = async () => {
    const sql = openTestSql(harness.location);
    try {
      return (await sql.all<{ article_id: string }>('SELECT article_id FROM article_search_pending')).map((r) => r.article_id);
    } finally {
      await sql.close();
    }
  };

  it('leaves the save with the story pending, indexes it right after, and a search at once still finds the new text', async () => {
    const story = await reporter.call('articles.create', { headline: '船坞旧址', body: body('旧船坞已经废弃多年。') });
    const saved = await reporter.call('articles.update', { id: story.id, baseVersion: story.version, patch: { body: body('船坞改建为航运博物馆。') }, reason: 'save' });
    // On SQLite the save returns before its indexing starts (the same connection is lent to one at a
    // time); on PostgreSQL the indexing may already be under way on another connection.
    if (testStore().name === 'sqlite') expect(await pending()).toEqual([story.id]);
    expect(headlines(await search({ query: '航运博物馆' }))).toEqual(['船坞旧址']);
    expect(headlines(await search({ query: '废弃多年' }))).toEqual([]);
    expect(await pending()).toEqual([]);

    await reporter.call('articles.update', { id: story.id, baseVersion: saved.version, patch: { headline: '船坞变身博物馆' }, reason: 'save' });
    // Indexed just after the save, without a search asking for it.
    await vi.waitFor(async () => expect(await pending()).toEqual([]));
    await reporter.call('articles.delete', { id: story.id, baseVersion: saved.version + 1 });
    expect(headlines(await search({ query: '船坞' }))).toEqual([]);
    expect(headlines(await search({ query: '船坞', trash: true }))).toEqual(['船坞变身博物馆']);
  });

  it('indexes on opening what a crash left pending', async () => {
    const first = await openHarness({ demo: true });
    const writer = await first.as('reporter');
    const story = await writer.call('articles.create', { headline: '断电前的稿件', body: body('第一稿。') });
    await first.close();
    // As if the process had died between the save and its indexing.
    const raw = openTestSql(first.location);
    await raw.run("UPDATE articles SET body_text = '断电前写下的第二稿。', updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?", [story.id]);
    const waiting = async () => (await raw.get<{ n: number }>('SELECT count(*) AS n FROM article_search_pending'))!.n;
    expect(await waiting()).toBe(1);
    const second = await openHarness({ location: first.location });
    try {
      expect(await waiting()).toBe(0);
      await raw.close();
      const hits = await (await second.as('reporter')).call('search.articles', { query: '第二稿' });
      expect(hits.items.map((i) => i.headline)).toEqual(['断电前的稿件']);
    } finally {
      await second.close();
    }
  });
});
