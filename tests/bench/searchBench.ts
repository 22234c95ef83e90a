import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../electron/core/db/connection';
import { blocksToDoc } from '../../shared/document/docText';
import type { InputOf } from '../../shared/api/contract';
import { openHarness, type Client } from '../support/coreHarness';
import { benchCorpus } from './corpus';
import { percentile, round, timeMs } from './stats';

/** Words of three or more characters from the corpus vocabulary, common to rare; the last few occur in a handful of stories. */
const LONG_QUERIES = [
  '地铁3号线', '口袋公园', '新能源汽车', '菜篮子', '马拉松', '老旧小区改造', '电信网络诈骗', '人工智能', '营商环境',
  '集装箱吞吐量', '江滨区', '青石巷', '同比增长', '社区食堂', '全民健身', '市交通运输局', '惠及居民', '5G基站',
  'PM2.5', '穿山甲', '古籍修复', '萤火虫', '量子通信', '黑脸琵鹭', '无人机编队', '地铁 AND (',
];
/** The common case in Chinese: one or two characters, from everyday words to ones a few stories hold. */
const SHORT_QUERIES = [
  '地铁', '公园', '经济', '反诈', '芯片', '高考', '非遗', '湿地', '候鸟', '银杏', '法院', '江城', '社区', '消费', '养老',
  '5G', 'AI', '琵', '鹭', '萤', '甲', '拓', '塔', '钢',
];
const LIST_FILTERS: InputOf<'articles.list'>[] = [
  { status: ['printed'], sort: 'updated' },
  { status: ['draft', 'submitted'], sort: 'updated' },
  { desk: '经济部', sort: 'updated' },
  { status: ['printed'], desk: '社会部', sort: 'updated' },
  { status: ['review1', 'review2', 'review3'], sort: 'priority' },
];
const ROUNDS = 4;
const SAVES = 200;
const LIKE_QUERIES = ['地铁', '穿山甲', '古籍修复'];

interface Samples {
  wall: number[];
  /** This process's CPU time per call: on a shared machine, what the call itself costs. */
  cpu: number[];
}

async function latencies<T>(
  inputs: readonly T[],
  rounds: number,
  run: (input: T) => Promise<unknown>,
  between: () => Promise<unknown> = async () => {},
): Promise<Samples> {
  const samples: Samples = { wall: [], cpu: [] };
  for (let r = 0; r < rounds; r += 1) {
    for (const input of inputs) {
      await between();
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await run(input);
      samples.wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu);
      samples.cpu.push((used.user + used.system) / 1000);
    }
  }
  return samples;
}

/** A 10,000-character story of numbered paragraphs; `round` changes one paragraph per save. */
function longBody(round: number) {
  const paragraph = '记者从江城市轨道交通集团获悉，地铁3号线二期工程今天完成全部车站主体结构施工，沿线新增停车位1200个。';
  const count = Math.ceil(10_000 / paragraph.length);
  return blocksToDoc(
    Array.from({ length: count }, (_, i) => ({ kind: 'p' as const, text: i === round % count ? `第${round}次修改：${paragraph}` : paragraph })),
  );
}

async function measureSaves(reporter: Client): Promise<Samples> {
  let article = await reporter.call('articles.create', { headline: '基准测试长稿', body: longBody(0) });
  return latencies(
    Array.from({ length: SAVES }, (_, i) => i + 1),
    1,
    async (round) => {
      article = await reporter.call('articles.update', { id: article.id, baseVersion: article.version, patch: { body: longBody(round) }, reason: 'save' });
    },
    // Autosaves come seconds apart: the full-text indexing the core runs just after a save
    // (migration 010) finishes before the next one, outside the save the writer waits for.
    () => new Promise((resolve) => setImmediate(resolve)),
  );
}

/** The same saves with migration 002's triggers dropped on this throwaway copy: what keeping the indexes current costs. */
async function withoutSearchTriggers<T>(file: string, run: () => Promise<T>): Promise<T> {
  const db = new Database(file);
  const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'article_search_%'`).all() as { name: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  db.close();
  return run();
}

/** The naive scan search replaces: every body read on each query, newest 50 plus the count. */
function measureLike(file: string): number[] {
  const db = new Database(file, { readonly: true });
  const page = db.prepare(`SELECT id FROM articles WHERE deleted_at IS NULL AND body_text LIKE ? ORDER BY updated_at DESC LIMIT 50`);
  const count = db.prepare(`SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL AND body_text LIKE ?`);
  const samples = LIKE_QUERIES.map((q) =>
    timeMs(() => {
      page.all(`%${q}%`);
      count.get(`%${q}%`);
    }),
  );
  db.close();
  return samples;
}

/**
 * Search and list at newsroom-archive scale (BENCH_ARTICLES, default 200,000),
 * every figure measured through the dispatcher as the UI calls it.
 */
export async function benchSearch(): Promise<Record<string, number>> {
  const size = Number(process.env['BENCH_ARTICLES'] ?? 200_000);
  const corpus = await benchCorpus(size, undefined, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`  ${corpus.cached ? '使用缓存语料' : '已生成语料'}：${size} 篇\n`);
  const harness = await openHarness({ dataDir: corpus.dataDir });
  try {
    const reporter = await harness.as('reporter');
    const search = (query: string) => reporter.call('search.articles', { query, limit: 50 });
    // One pass to fault the index into the page cache, as a newsroom that has been working a while has it.
    await latencies([...LONG_QUERIES, ...SHORT_QUERIES], 1, search);
    const long = await latencies(LONG_QUERIES, ROUNDS, search);
    const short = await latencies(SHORT_QUERIES, ROUNDS, search);
    const list = await latencies(LIST_FILTERS, ROUNDS, (filters) => reporter.call('articles.list', { ...filters, limit: 100 }));
    const saves = await measureSaves(reporter);
    const unindexed = await withoutSearchTriggers(path.join(corpus.dataDir, DB_FILE_NAME), () => measureSaves(reporter));
    const like = measureLike(path.join(corpus.dataDir, DB_FILE_NAME));
    return {
      'search.corpus_articles': size,
      'search.index_articles_per_s': round(corpus.indexArticlesPerS, 0),
      'search.p95_ms': round(percentile(long.wall, 95)),
      'search.p95_cpu_ms': round(percentile(long.cpu, 95)),
      'search.short_p95_ms': round(percentile(short.wall, 95)),
      'search.short_p95_cpu_ms': round(percentile(short.cpu, 95)),
      'search.like_p95_ms': round(percentile(like, 95)),
      'list.p95_ms': round(percentile(list.wall, 95)),
      'save.p99_ms': round(percentile(saves.wall, 99)),
      'save.unindexed_p99_ms': round(percentile(unindexed.wall, 99)),
    };
  } finally {
    await harness.close();
    fs.rmSync(corpus.dataDir, { recursive: true, force: true });
  }
}
