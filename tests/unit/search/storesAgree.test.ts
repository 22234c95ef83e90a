import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveText } from '../../../shared/article/fields';
import type { InputOf } from '../../../shared/api/contract';
import { openStore } from '../../../electron/core/core';
import { ArticleRepository } from '../../../electron/core/repositories/articleRepository';
import { openHarness, type Client, type Harness, type Location } from '../../support/coreHarness';
import { testStore } from '../../support/testStore';
import { tempDataDir } from '../../support/hostProcess';
import { sampleArticles } from '../../bench/corpus';

const STORIES = 400;

/** Queries of every kind a desk types: long and short, common and rare, Latin, digits, punctuation, FTS syntax. */
const QUERIES = [
  '地铁3号线', '口袋公园', '新能源汽车', '菜篮子', '老旧小区改造', '同比增长', '社区食堂', '市交通运输局', '江滨区',
  '地铁', '公园', '经济', '江城', '社区', '消费', '养老', '5G', 'AI', 'PM2.5', 'pm2.5',
  '琵', '鹭', '塔', '钢', '市', '的', '，', '。', '记者',
  '"地铁"', '地铁 AND (', 'NEAR(公园', '公园*', '-地铁', '^江城', '江城:', "O'Brien", '100%', '_',
];

/** The same stories, with the same ids, written into a newsroom on either store. */
async function fill(location: Location, userId: string): Promise<void> {
  const opened = await openStore(location);
  const { store } = opened;
  const articles = new ArticleRepository(store);
  try {
    await store.transaction(async () => {
      for (const [i, item] of sampleArticles(STORIES, 7).entries()) {
        const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        const fields = { ...item.fields, headline: `${item.fields.headline}（${i}）` };
        await articles.insert({ id, fields, derived: deriveText(fields), status: item.status, userId, now: item.updatedAt });
        if (item.deleted) await store.run('UPDATE articles SET deleted_at = ?, deleted_by = ? WHERE id = ?', [item.updatedAt, userId, id]);
      }
    });
  } finally {
    await opened.close();
  }
}

describe.runIf(testStore().name === 'postgres')('search gives the same stories on SQLite and PostgreSQL', () => {
  let sqlite: Harness;
  let postgres: Harness;
  let onSqlite: Client;
  let onPostgres: Client;

  beforeAll(async () => {
    sqlite = await openHarness({ demo: true, location: { dataDir: tempDataDir() } });
    postgres = await openHarness({ demo: true });
    for (const harness of [sqlite, postgres]) {
      const reporter = await harness.as('reporter');
      const me = await reporter.call('auth.me', {});
      await harness.close();
      await fill(harness.location, me.user.id);
    }
    sqlite = await openHarness({ location: sqlite.location });
    postgres = await openHarness({ location: postgres.location });
    onSqlite = await sqlite.as('reporter');
    onPostgres = await postgres.as('reporter');
  }, 120_000);

  afterAll(async () => {
    await sqlite.close();
    await postgres.close();
  });

  async function hits(client: Client, input: InputOf<'search.articles'>): Promise<{ ids: string[]; total: number; capped: boolean }> {
    const ids: string[] = [];
    let total = 0;
    let capped = false;
    for (let offset = 0; ; offset += 100) {
      const page = await client.call('search.articles', { ...input, limit: 100, offset });
      // By headline: the demo's own stories (unique headlines) have different ids in the two newsrooms.
      ids.push(...page.items.map((i) => i.headline));
      total = page.total;
      capped = page.capped;
      if (page.items.length < 100 || offset + 100 >= total) break;
    }
    return { ids: ids.sort(), total, capped };
  }

  it.each(QUERIES)('%s: the same hits, the same total', async (query) => {
    const a = await hits(onSqlite, { query });
    const b = await hits(onPostgres, { query });
    expect(b).toEqual(a);
  });

  it('the same hits under filters and in the trash', async () => {
    for (const input of [
      { query: '江城', trash: true },
      { query: '市民', status: ['printed' as const] },
      { query: '公园', desk: '社会部' },
      { query: '记者', dateFrom: '2024-01-01' },
    ]) {
      expect(await hits(onPostgres, input), JSON.stringify(input)).toEqual(await hits(onSqlite, input));
    }
  });

  it('finds something for most queries, so the comparison means something', async () => {
    let found = 0;
    for (const query of QUERIES) if ((await hits(onSqlite, { query })).total > 0) found += 1;
    expect(found).toBeGreaterThan(QUERIES.length / 2);
  });
});
