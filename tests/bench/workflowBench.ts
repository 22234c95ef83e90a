import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../electron/core/core';
import { startCheckpointer } from '../../electron/core/db/checkpointer';
import { DB_FILE_NAME } from '../../electron/core/db/connection';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import { benchCorpus } from './corpus';
import { percentile, round, timeMs } from './stats';

/** The archive the search benchmarks use: 200,000 stories, about 3 % of them waiting for 初审. */
const CORPUS_ARTICLES = 200_000;
const TRANSITIONS = 400;
const QUEUE_READS = 200;
/** Calls made first and not counted: they compile statements and pull the pages they need into the cache. */
const WARMUP = 20;

async function signIn(core: Core, username: string) {
  const login = await core.dispatch({ sessionToken: null, transport: 'browser' }, 'auth.login', { username, password: 'demo1234' });
  const token = login.session && 'set' in login.session ? login.session.set : null;
  return async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const { response } = await core.dispatch({ sessionToken: token, transport: 'browser' }, method, input);
    if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
    return response.result as ResultOf<M>;
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * One workflow step through the whole core (session, validation, the rules,
 * status update, revision snapshot, history, sign-off, audit, notifications),
 * and 待我处理 for an editor whose 初审 queue holds thousands of stories —
 * against a bare status UPDATE in a transaction on the same pragmas, with the
 * same background checkpoint thread the core runs.
 */
export async function benchWorkflow(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<Record<string, number>> {
  const corpus = await benchCorpus(CORPUS_ARTICLES, undefined, log);
  const core = await openCore({ dataDir: corpus.dataDir });
  const editor = await signIn(core, 'editor');
  const sectionhead = await signIn(core, 'sectionhead');

  const queue: number[] = [];
  let waiting = 0;
  for (let i = 0; i < WARMUP + QUEUE_READS; i += 1) {
    const ms = await timed(async () => (waiting = (await editor('workflow.myQueue', {})).items.length));
    if (i >= WARMUP) queue.push(ms);
  }

  const transition: number[] = [];
  let taken = 0;
  while (transition.length < TRANSITIONS) {
    // The queue shows 200 a state: take them, then read it again for the next ones.
    for (const item of (await editor('workflow.myQueue', {})).items.slice(0, WARMUP + TRANSITIONS - taken)) {
      const act = taken % 4 === 3 ? sectionhead : editor;
      const action = taken % 4 === 3 ? 'spike' : taken % 2 === 0 ? 'pass1' : 'return';
      // An approval is given on an opened story: the editor screen reports it before the step.
      if (action === 'pass1') await act('workflow.opened', { articleId: item.id, version: item.version });
      // Steps come from separate requests: the indexing the core runs after each (migration 010) finishes between them.
      await new Promise((resolve) => setImmediate(resolve));
      const ms = await timed(() => act('workflow.transition', { articleId: item.id, action, baseVersion: item.version, ...(action === 'pass1' ? {} : { reason: '基准测试' }) }));
      if (taken >= WARMUP) transition.push(ms);
      taken += 1;
    }
  }
  await core.close();

  const file = path.join(corpus.dataDir, DB_FILE_NAME);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const checkpointer = startCheckpointer(db, file);
  const ids = (db.prepare("SELECT id FROM articles WHERE status = 'submitted' AND deleted_at IS NULL LIMIT ?").all(TRANSITIONS) as { id: string }[]).map((r) => r.id);
  const bare = db.prepare("UPDATE articles SET status = 'review1', version = version + 1 WHERE id = ?");
  const baseline: number[] = [];
  for (const id of ids) {
    await new Promise((resolve) => setImmediate(resolve));
    baseline.push(timeMs(() => db.transaction(() => bare.run(id)).immediate()));
  }
  checkpointer.stop();
  db.close();
  // The run's copy of the corpus is gigabytes; the cached original stays for the next run.
  fs.rmSync(corpus.dataDir, { recursive: true, force: true });

  log(`  语料 ${corpus.articles} 篇${corpus.cached ? '（缓存）' : ''}；编辑的待办 ${waiting} 篇；流程操作 ${transition.length} 次`);
  return {
    'workflow.transition_p99_ms': round(percentile(transition, 99)),
    'workflow.transition_baseline_p99_ms': round(percentile(baseline, 99)),
    'queue.p95_ms': round(percentile(queue, 95)),
    'queue.items': waiting,
  };
}
