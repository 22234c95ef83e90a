import type { Article } from '../../shared/domain/article';
import { openHarness } from '../support/coreHarness';
import { openEventStream } from '../support/eventStream';
import { startServerProcess, tempDataDir, type HostProcess } from '../support/hostProcess';
import { HttpClient } from '../support/httpClient';
import { startCluster } from '../support/postgres';
import { pgBenchCorpus } from './pgCorpus';
import { longBody, searchSamples } from './searchBench';
import { percentile, round } from './stats';

const DESKS = 100;
/** The editor autosaves 1.2 s after typing pauses: a desk at work sends a save every second or two. */
const SAVE_EVERY_MS = [1_000, 2_000] as const;
const SAVE_PHASE_MS = 20_000;
const EVENT_SAMPLES = 200;
const READERS = 16;
const READ_PHASE_MS = 5_000;
const DESK_USERS = ['reporter', 'reporter2'];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function signIn(server: HostProcess, username: string): Promise<HttpClient> {
  const client = new HttpClient(server.url);
  await client.call('auth.login', { username, password: 'demo1234' });
  return client;
}

/**
 * DESKS desks, each with its own 10,000-字 story, saving it whole at an autosave's pace for
 * SAVE_PHASE_MS; the latency of every save as the desk's client waits for it.
 */
async function deskSaves(server: HostProcess): Promise<number[]> {
  const desks = await Promise.all(
    Array.from({ length: DESKS }, async (_, i) => {
      const client = await signIn(server, DESK_USERS[i % DESK_USERS.length]!);
      const story = await client.call<Article>('articles.create', { headline: `第${i}号桌的长稿`, body: longBody(0) });
      return { client, story: { id: story.id, version: story.version } };
    }),
  );
  const samples: number[] = [];
  const until = performance.now() + SAVE_PHASE_MS;
  await Promise.all(
    desks.map(async ({ client, story }, desk) => {
      // Desks start spread over one interval, as people do not all pause typing at once.
      await sleep(Math.random() * SAVE_EVERY_MS[1]);
      for (let n = 1; performance.now() < until; n += 1) {
        const started = performance.now();
        const saved = await client.call<Article>('articles.update', { id: story.id, baseVersion: story.version, patch: { body: longBody(n * DESKS + desk) }, reason: 'autosave' });
        samples.push(performance.now() - started);
        story.version = saved.version;
        await sleep(SAVE_EVERY_MS[0] + Math.random() * (SAVE_EVERY_MS[1] - SAVE_EVERY_MS[0]));
      }
    }),
  );
  return samples;
}

/** READERS clients asking for stories as fast as answers come, for READ_PHASE_MS. */
async function readsPerSecond(server: HostProcess): Promise<number> {
  const writer = await signIn(server, 'reporter');
  const stories = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.call<Article>('articles.create', { headline: `读取测试稿 ${i}`, body: longBody(i) })));
  const readers = await Promise.all(Array.from({ length: READERS }, (_, i) => signIn(server, DESK_USERS[i % DESK_USERS.length]!)));
  let reads = 0;
  const started = performance.now();
  await Promise.all(
    readers.map(async (reader, r) => {
      for (let n = r; performance.now() - started < READ_PHASE_MS; n += 1) {
        await reader.call('articles.get', { id: stories[n % stories.length]!.id });
        reads += 1;
      }
    }),
  );
  return reads / ((performance.now() - started) / 1000);
}

/** From a save acknowledged by process A to its event at a client of process B, one save at a time. */
async function eventLatencies(a: HostProcess, b: HostProcess): Promise<number[]> {
  const writer = await signIn(a, 'reporter');
  const reader = await signIn(b, 'editor');
  const stream = await openEventStream(b.url, reader.sessionHeaders);
  const samples: number[] = [];
  try {
    let story = await writer.call<Article>('articles.create', { headline: '事件延迟测试稿', body: longBody(0) });
    for (let i = 1; i <= EVENT_SAMPLES; i += 1) {
      const target = story.version + 1;
      let arrived = 0;
      const seen = stream.next((e) => e.type === 'article.changed' && e.articleId === story.id && e.version === target, 10_000).then(() => (arrived = performance.now()));
      story = await writer.call<Article>('articles.update', { id: story.id, baseVersion: story.version, patch: { body: longBody(i) }, reason: 'autosave' });
      const acknowledged = performance.now();
      await seen;
      // B can hear of a commit before A's answer reaches the writer: that is no wait at all.
      samples.push(Math.max(0, arrived - acknowledged));
      await sleep(20);
    }
  } finally {
    stream.close();
  }
  return samples;
}

async function onServers<T>(count: number, args: string[], run: (servers: HostProcess[]) => Promise<T>): Promise<T> {
  const dataDir = tempDataDir();
  const servers: HostProcess[] = [];
  try {
    servers.push(await startServerProcess(dataDir, [...args, '--demo']));
    while (servers.length < count) servers.push(await startServerProcess(dataDir, args));
    return await run(servers);
  } catch (error) {
    // What the servers said is what explains a failed call.
    throw new Error(`${(error as Error).message}\n${servers.map((server) => server.output().slice(-3000)).join('\n')}`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/**
 * The newsroom server over HTTP, each process as `npm run server` runs it: saves from 100 desks on a
 * durable PostgreSQL cluster (fsync on) and, as the baseline, on SQLite; events between two
 * processes; articles.get throughput; search on the 200,000-story archive in PostgreSQL.
 */
export async function benchServer(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const cluster = await startCluster({ durable: true });
  try {
    cluster.admin('CREATE DATABASE newsroom');
    const database = ['--database', cluster.url('newsroom')];
    await onServers(1, database, async ([server]) => {
      const saves = await deskSaves(server!);
      figures['server.save_p99_ms'] = round(percentile(saves, 99));
      figures['server.save_p50_ms'] = round(percentile(saves, 50));
      figures['server.saves_measured'] = saves.length;
      figures['server.requests_per_s'] = round(await readsPerSecond(server!), 0);
    });
    await onServers(2, database, async ([a, b]) => {
      figures['server.event_p99_ms'] = round(percentile(await eventLatencies(a!, b!), 99));
    });
  } finally {
    cluster.stop();
  }
  await onServers(1, [], async ([server]) => {
    figures['server.save_sqlite_p99_ms'] = round(percentile(await deskSaves(server!), 99));
    figures['server.requests_sqlite_per_s'] = round(await readsPerSecond(server!), 0);
  });

  const size = Number(process.env['BENCH_ARTICLES'] ?? 200_000);
  const corpus = await pgBenchCorpus(size, undefined, (line) => process.stdout.write(`${line}\n`));
  try {
    const harness = await openHarness({ location: { dataDir: tempDataDir(), database: corpus.url } });
    try {
      const { long, short } = await searchSamples(await harness.as('reporter'));
      figures['server.search_pg_p95_ms'] = round(percentile(long.wall, 95));
      figures['server.search_pg_short_p95_ms'] = round(percentile(short.wall, 95));
    } finally {
      await harness.close();
    }
  } finally {
    // Written out, so the cached cluster starts next time without recovery.
    corpus.cluster.stop('fast');
  }
  return figures;
}
