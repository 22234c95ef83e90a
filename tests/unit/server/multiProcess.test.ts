import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/domain/article';
import { startServerProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';
import { HttpClient } from '../../support/httpClient';
import { openEventStream } from '../../support/eventStream';
import { testStore } from '../../support/testStore';

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Two newsroom server processes on one PostgreSQL database, sharing one photo folder, as behind a load balancer. */
describe.runIf(testStore().name === 'postgres')('several server processes on one PostgreSQL database', () => {
  let database: string;
  let dataDir: string;
  let a: HostProcess;
  let b: HostProcess;

  async function signIn(server: HostProcess, username: string): Promise<HttpClient> {
    const client = new HttpClient(server.url);
    await client.call('auth.login', { username, password: 'demo1234' });
    return client;
  }

  beforeAll(async () => {
    database = (await testStore().createDatabase())!;
    dataDir = tempDataDir();
    a = await startServerProcess(dataDir, ['--database', database, '--demo']);
    b = await startServerProcess(dataDir, ['--database', database]);
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('gives a lock to exactly one of two editors racing through different processes, 100 times', async () => {
    const reporter = await signIn(a, 'reporter');
    const onA = await signIn(a, 'editor');
    const onB = await signIn(b, 'editor2');
    let wonByA = 0;
    for (let round = 0; round < 100; round += 1) {
      const story = await reporter.call<Article>('articles.create', { headline: `锁竞争 ${round}`, body: body('稿件正文。') });
      await reporter.call('workflow.transition', { articleId: story.id, action: 'submit', baseVersion: story.version });
      const [x, y] = await Promise.all([onA.raw('locks.acquire', { articleId: story.id, part: 'body' }), onB.raw('locks.acquire', { articleId: story.id, part: 'body' })]);
      const outcomes = [x.body, y.body].map((r) => (r.ok ? 'won' : r.error.code)).sort();
      expect(outcomes, `round ${round}`).toEqual(['LOCKED', 'won']);
      if (x.body.ok) wonByA += 1;
    }
    // Both processes won some: the race was real.
    expect(wonByA).toBeGreaterThan(0);
    expect(wonByA).toBeLessThan(100);
  }, 300_000);

  it('an event from a save on process A reaches a client of process B', async () => {
    const writer = await signIn(a, 'reporter');
    const reader = await signIn(b, 'editor');
    const stream = await openEventStream(b.url, { ...reader.sessionHeaders });
    try {
      const story = await writer.call<Article>('articles.create', { headline: '跨进程的事件', body: body('一段正文。') });
      const seen = await stream.next((e) => e.type === 'article.changed' && e.articleId === story.id);
      expect(seen).toMatchObject({ type: 'article.changed', version: story.version });
    } finally {
      stream.close();
    }
  });

  it('a session made on A opens its event stream on B first, as behind a load balancer', async () => {
    const writer = await signIn(a, 'reporter');
    const token = writer.sessionHeaders['Cookie']!.split('=')[1]!;
    // The cookie is named per port; behind a balancer both processes answer on one, so B is given its own name.
    const stream = await openEventStream(b.url, { Cookie: `newsroom_session_${new URL(b.url).port}=${token}` });
    try {
      const story = await writer.call<Article>('articles.create', { headline: '先开事件流', body: body('一段正文。') });
      expect(await stream.next((e) => e.type === 'article.changed' && e.articleId === story.id)).toMatchObject({ type: 'article.changed' });
    } finally {
      stream.close();
    }
  });

  it('keeps serving from B when A is killed mid-load, and no acknowledged save is lost', async () => {
    const killable = await startServerProcess(dataDir, ['--database', database]);
    const viaKillable = await signIn(killable, 'reporter');
    const viaB = await signIn(b, 'reporter');
    const story = await viaB.call<Article>('articles.create', { headline: '断电测试稿', body: body('第 0 稿。') });
    const acknowledged: { version: number; text: string }[] = [];
    let version = story.version;
    let killed = false;
    for (let i = 1; i <= 60; i += 1) {
      if (i === 30) {
        // Mid-load: a save to A is in flight when it dies.
        const inFlight = viaKillable.raw('articles.update', { id: story.id, baseVersion: version, patch: { body: body(`第 ${i} 稿（A 在保存时被杀）。`) }, reason: 'save' }).catch(() => null);
        await killable.stop('SIGKILL');
        killed = true;
        const answered = await inFlight;
        if (answered?.body.ok) {
          version = (answered.body.result as Article).version;
          acknowledged.push({ version, text: `第 ${i} 稿（A 在保存时被杀）。` });
        }
        continue;
      }
      const client = killed || i % 2 === 0 ? viaB : viaKillable;
      const text = `第 ${i} 稿。`;
      const saved = await client.raw('articles.update', { id: story.id, baseVersion: version, patch: { body: body(text) }, reason: 'save' });
      if (!saved.body.ok) throw new Error(`save ${i} refused: ${saved.body.error.message}`);
      version = (saved.body.result as Article).version;
      acknowledged.push({ version, text });
    }
    const current = await viaB.call<Article>('articles.get', { id: story.id });
    expect(current.version).toBe(version);
    const revisions = await viaB.call<Array<{ id: string; articleVersion: number }>>('revisions.list', { articleId: story.id });
    for (const ack of acknowledged) {
      const revision = revisions.find((r) => r.articleVersion === ack.version);
      expect(revision, `version ${ack.version}`).toBeDefined();
      const snapshot = await viaB.call<Article>('revisions.get', { id: revision!.id });
      expect(JSON.stringify(snapshot.body)).toContain(ack.text);
    }
  }, 180_000);
});
