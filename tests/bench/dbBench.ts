import { openCore } from '../../electron/core/core';
import { newId } from '../../shared/domain/ids';
import { blocksToDoc } from '../../shared/document/docText';
import { tempDataDir } from '../support/hostProcess';
import { openHarness } from '../support/coreHarness';
import { percentile, round, timeMs } from './stats';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DB_FILE_NAME } from '../../electron/core/db/connection';

const PARAGRAPH = '记者从江城市轨道交通集团获悉，地铁3号线将于今天上午9时正式开通载客运营，全长32.6公里，设站21座。';

function sampleBody(paragraphs: number) {
  return blocksToDoc(Array.from({ length: paragraphs }, (_, i) => ({ kind: 'p' as const, text: `${i + 1}.${PARAGRAPH}` })));
}

/**
 * An article insert through the whole core (validation, derived counts,
 * revision, event) against a bare prepared INSERT of the same row, both on the
 * same pragmas (WAL, synchronous=FULL), one transaction each.
 */
export async function benchDbInsert(iterations = 400): Promise<Record<string, number>> {
  const harness = await openHarness({ demo: true });
  const reporter = await harness.as('reporter');
  const body = sampleBody(12);
  const service: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    await reporter.call('articles.create', { headline: `基准测试稿件 ${i}`, body });
    service.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  await harness.close();

  const dir = tempDataDir();
  const seeded = await openCore({ dataDir: dir, demo: true });
  await seeded.close();
  const db = new Database(path.join(dir, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const userId = (db.prepare("SELECT id FROM users WHERE username = 'reporter'").get() as { id: string }).id;
  const insert = db.prepare(
    `INSERT INTO articles (id, headline, body, body_text, char_count, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bodyJson = JSON.stringify(body);
  const baseline: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const now = new Date().toISOString();
    baseline.push(timeMs(() => db.transaction(() => insert.run(newId(), `基准 ${i}`, bodyJson, PARAGRAPH, 600, now, userId, now, userId)).immediate()));
  }
  db.close();

  return {
    'db.insert_article_p99_ms': round(percentile(service, 99)),
    'db.insert_baseline_p99_ms': round(percentile(baseline, 99)),
  };
}
