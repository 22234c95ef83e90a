import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/core/core';
import type { ApiEvent } from '../../../shared/api/events';
import { openHarness } from '../../support/coreHarness';
import { testStore } from '../../support/testStore';
import { tempDataDir } from '../../support/hostProcess';

describe.runIf(testStore().name === 'postgres')('events between cores on one PostgreSQL database (LISTEN/NOTIFY)', () => {
  it('a save committed through one core reaches the subscribers of another, once, and not before it commits', async () => {
    const a = await openHarness({ demo: true });
    const b = await openCore(a.location);
    const heardByB: ApiEvent[] = [];
    b.subscribe((event) => heardByB.push(event));
    try {
      const reporter = await a.as('reporter');
      const story = await reporter.call('articles.create', { headline: '跨进程事件' });
      await vi.waitFor(() => expect(heardByB).toContainEqual(expect.objectContaining({ type: 'article.changed', articleId: story.id, version: story.version })));
      // A refused write commits nothing, so nothing is sent.
      const before = heardByB.length;
      const refused = await reporter.raw('articles.update', { id: story.id, baseVersion: story.version, patch: { headline: '' }, reason: 'save' });
      expect(refused.ok).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heardByB.slice(before)).toEqual([]);
      expect(heardByB.filter((e) => e.type === 'article.changed' && e.articleId === story.id)).toHaveLength(1);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe.runIf(testStore().name === 'postgres')('a PostgreSQL database that sorts text another way', () => {
  it('is refused with how to create one that works, and nothing is created in it', async () => {
    const admin = process.env['NEWSROOM_TEST_PG']!;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query("CREATE DATABASE sorted_by_icu LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' TEMPLATE template0");
      const url = admin.replace(/\/[^/]*$/, '/sorted_by_icu');
      await expect(openCore({ dataDir: tempDataDir(), database: url })).rejects.toThrow(/排序规则是 ICU zh-CN.*createdb --locale=C.UTF-8 --template=template0/);
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      const tables = await other.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      await other.end();
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await client.query('DROP DATABASE IF EXISTS sorted_by_icu');
      await client.end();
    }
  });
});
