import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { SqliteSearchRepository as SearchRepository } from '../../../electron/core/search/sqliteSearchRepository';
import { blocksToDoc } from '../../../shared/document/docText';
import { openHarness, type Harness } from '../../support/coreHarness';

const body = (text: string) => blocksToDoc([{ kind: 'p', text }]);

let harness: Harness;
let db: Database.Database;
let repo: SearchRepository;

function headlines(docids: number[]): string[] {
  const lookup = db.prepare('SELECT a.headline FROM article_search_docs d JOIN articles a ON a.id = d.article_id WHERE d.docid = ?');
  return docids.map((docid) => (lookup.get(docid) as { headline: string }).headline);
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  const reporter = await harness.as('reporter');
  // Oldest first: the headline hit is the oldest story.
  await reporter.call('articles.create', { headline: '灯笼巷的灯笼', body: body('灯笼巷') });
  for (const n of [1, 2, 3, 4]) await reporter.call('articles.create', { headline: `元宵夜第${n}篇`, body: body(`${'街上人很多。'.repeat(n)}挂满灯笼巷口。`) });
  // Oldest first: a byline hit, a headline hit, then two body hits.
  await reporter.call('articles.create', { headline: '来稿', bylines: [{ name: '欧阳明月', role: '通讯员' }], body: body('巷口的灯。') });
  await reporter.call('articles.create', { headline: '欧阳明月的来信', body: body('信写了三页。') });
  for (const n of [1, 2]) await reporter.call('articles.create', { headline: `读者来信第${n}篇`, body: body('欧阳明月又来信了。') });
  db = new Database(path.join(harness.dataDir, DB_FILE_NAME), { readonly: true });
  repo = new SearchRepository(db, 3);
});

afterAll(async () => {
  db.close();
  await harness.close();
});

describe('ranking a phrase with more hits than the ranked window', () => {
  it('ranks the newest hits by bm25 and lists older ones after them, newest first', () => {
    const page = repo.matchPhrase('"灯笼巷"', { trash: false }, 10, 0);
    expect(page.total).toBe(5);
    // Within the window of three, the shortest body holding the phrase ranks first; the headline hit is too old to be ranked.
    expect(headlines(page.docids)).toEqual(['元宵夜第2篇', '元宵夜第3篇', '元宵夜第4篇', '元宵夜第1篇', '灯笼巷的灯笼']);
  });

  it('pages across the edge of the window without losing or repeating a story', () => {
    const pages = [0, 2, 4].map((offset) => headlines(repo.matchPhrase('"灯笼巷"', { trash: false }, 2, offset).docids));
    expect(pages).toEqual([['元宵夜第2篇', '元宵夜第3篇'], ['元宵夜第4篇', '元宵夜第1篇'], ['灯笼巷的灯笼']]);
  });

  it('counts hits up to the cap and says when there are more, listing no further than the count', () => {
    const capped = new SearchRepository(db, 3, 4);
    const first = capped.matchPhrase('"灯笼巷"', { trash: false }, 10, 0);
    expect([first.total, first.capped, first.docids.length]).toEqual([4, true, 4]);
    const exact = new SearchRepository(db, 3, 5).matchPhrase('"灯笼巷"', { trash: false }, 10, 0);
    expect([exact.total, exact.capped, exact.docids.length]).toEqual([5, false, 5]);
  });

  it('orders a phrase past the count cap by where it stands, newest first, without bm25', () => {
    // All five hits in the window, but more than the cap of four: the headline hit leads, the body hits follow newest first.
    const common = new SearchRepository(db, 10, 4).matchPhrase('"灯笼巷"', { trash: false }, 10, 0);
    expect(headlines(common.docids)).toEqual(['灯笼巷的灯笼', '元宵夜第4篇', '元宵夜第3篇', '元宵夜第2篇']);
    const paged = [0, 2].map((offset) => headlines(new SearchRepository(db, 10, 4).matchPhrase('"灯笼巷"', { trash: false }, 2, offset).docids));
    expect(paged).toEqual([['灯笼巷的灯笼', '元宵夜第4篇'], ['元宵夜第3篇', '元宵夜第2篇']]);
    // A window of three: the newest three by place (all body hits, so newest first), then the older ones, newest first.
    const narrow = new SearchRepository(db, 3, 4).matchPhrase('"灯笼巷"', { trash: false }, 10, 0);
    expect(headlines(narrow.docids)).toEqual(['元宵夜第4篇', '元宵夜第3篇', '元宵夜第2篇', '元宵夜第1篇']);
  });

  it('puts a byline hit after the headline hits and before the body hits of a phrase past the cap', () => {
    const common = new SearchRepository(db, 10, 3).matchPhrase('"欧阳明月"', { trash: false }, 10, 0);
    expect(headlines(common.docids)).toEqual(['欧阳明月的来信', '来稿', '读者来信第2篇']);
  });

  it('ranks everything when the hits fit the window', () => {
    const wide = new SearchRepository(db, 10);
    expect(headlines(wide.matchPhrase('"灯笼巷"', { trash: false }, 10, 0).docids)[0]).toBe('灯笼巷的灯笼');
  });
});
