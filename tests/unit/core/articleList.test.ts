import type { Store } from '../../../electron/core/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api/contract';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';

let harness: Harness;
let sql: Store;
let reporter: Client;
let editor: Client;

const ORDER = {
  updated: 'updated_at DESC, id DESC',
  priority: 'priority ASC, updated_at ASC, id ASC',
  headline: 'lower(headline) ASC, id ASC',
  chars: 'char_count DESC, id DESC',
} as const;

/** What the list must show, by the plainest query there is. */
async function reference(filters: InputOf<'articles.list'>): Promise<{ ids: string[]; total: number }> {
  const where = [filters.trash ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const args: unknown[] = [];
  if (filters.status?.length) {
    where.push(`status IN (${filters.status.map(() => '?').join(',')})`);
    args.push(...filters.status);
  }
  if (filters.desk) {
    where.push('desk = ?');
    args.push(filters.desk);
  }
  const all = (await sql.all<{ id: string }>(`SELECT id FROM articles WHERE ${where.join(' AND ')} ORDER BY ${ORDER[filters.sort ?? 'updated']}`, args)).map((r) => r.id);
  const offset = filters.offset ?? 0;
  return { ids: all.slice(offset, offset + (filters.limit ?? 100)), total: all.length };
}

async function expectListed(filters: InputOf<'articles.list'>) {
  const listed = await reporter.call('articles.list', filters);
  const expected = await reference(filters);
  expect(listed.total).toBe(expected.total);
  // Between stories saved in the same millisecond a priority page may go either way.
  if (filters.sort === 'priority') expect(listed.items.map((i) => i.id).sort()).toEqual([...expected.ids].sort());
  else expect(listed.items.map((i) => i.id)).toEqual(expected.ids);
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  sql = openTestSql(harness.location);
  reporter = await harness.as('reporter');
  editor = await harness.as('editor');
  for (let i = 0; i < 30; i += 1) {
    await reporter.call('articles.create', { headline: `列表测试稿${String(i).padStart(2, '0')}`, desk: i % 2 === 0 ? '经济部' : '社会部' });
  }
});

afterAll(async () => {
  await sql.close();
  await harness.close();
});

const FILTERS: InputOf<'articles.list'>[] = [
  { sort: 'updated' },
  { status: ['draft'], sort: 'updated' },
  { status: ['draft', 'submitted'], sort: 'updated', limit: 7 },
  { status: ['draft', 'submitted', 'approved'], sort: 'updated', limit: 5, offset: 9 },
  { status: ['review1', 'review2', 'review3'], sort: 'priority' },
  { status: ['draft', 'approved'], desk: '经济部', sort: 'headline' },
  { status: ['draft', 'placed'], sort: 'chars', limit: 3, offset: 2 },
  { desk: '社会部', sort: 'updated' },
  { trash: true, sort: 'updated' },
];

describe('the story list', () => {
  it('pages and totals every filter as the plain query does', async () => {
    for (const filters of FILTERS) await expectListed(filters);
  });

  it('keeps the totals right through filing, desk changes, deletion and restore', async () => {
    const { items } = await reporter.call('articles.list', { status: ['draft'], desk: '经济部', limit: 3 });
    const [a, b, c] = items;
    await reporter.call('workflow.transition', { articleId: a!.id, action: 'submit', baseVersion: a!.version });
    const moved = await reporter.call('articles.update', { id: b!.id, baseVersion: b!.version, patch: { desk: '文体部' }, reason: 'save' });
    await reporter.call('articles.delete', { id: c!.id, baseVersion: c!.version });
    for (const filters of FILTERS) await expectListed(filters);
    await reporter.call('articles.restore', { id: c!.id });
    await editor.call('articles.update', { id: moved.id, baseVersion: moved.version, patch: { desk: '经济部' }, reason: 'save' });
    for (const filters of FILTERS) await expectListed(filters);
  });
});
