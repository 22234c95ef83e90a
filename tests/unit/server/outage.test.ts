import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/domain/article';
import { startServerProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';
import { HttpClient } from '../../support/httpClient';
import { openEventStream } from '../../support/eventStream';
import { startCluster, type TestCluster } from '../../support/postgres';
import { testStore } from '../../support/testStore';

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function until<T>(probe: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** PostgreSQL taken down under two running server processes (its own cluster: the shared one stays up). */
describe.runIf(testStore().name === 'postgres')('the newsroom server while PostgreSQL is down', () => {
  let cluster: TestCluster;
  let a: HostProcess;
  let b: HostProcess;

  beforeAll(async () => {
    // Durable: an immediate stop of a cluster without fsync loses commits it acknowledged (the session, the story).
    cluster = await startCluster({ durable: true });
    cluster.admin('CREATE DATABASE newsroom');
    const dataDir = tempDataDir();
    a = await startServerProcess(dataDir, ['--database', cluster.url('newsroom'), '--demo']);
    b = await startServerProcess(dataDir, ['--database', cluster.url('newsroom')]);
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    cluster?.stop();
  });

  it('refuses with a sentence while it is down, writes nothing, and carries on by itself when it is back', async () => {
    const writer = new HttpClient(a.url);
    await writer.call('auth.login', { username: 'reporter', password: 'demo1234' });
    const story = await writer.call<Article>('articles.create', { headline: '停库测试稿', body: body('停库前的正文。') });
    // A desk on B whose stream stays open through the outage: B cannot hear A meanwhile, so it is told to refetch.
    const watcher = new HttpClient(b.url);
    await watcher.call('auth.login', { username: 'chief', password: 'demo1234' });
    const watching = await openEventStream(b.url, watcher.sessionHeaders);

    cluster.halt('immediate');

    const refused = await writer.raw('articles.update', { id: story.id, baseVersion: story.version, patch: { body: body('停库时的正文。') }, reason: 'save' });
    expect(refused.body.ok).toBe(false);
    if (!refused.body.ok) {
      expect(refused.body.error.code).toBe('STORAGE');
      expect(refused.body.error.message).toContain('连不上数据库');
    }
    const signIn = await new HttpClient(b.url).raw('auth.login', { username: 'editor', password: 'demo1234' });
    expect(signIn.body.ok ? null : signIn.body.error.code).toBe('STORAGE');
    const down = await fetch(`${a.url}/healthz`);
    expect(down.status).toBe(503);

    cluster.resume();

    await until(async () => ((await fetch(`${a.url}/healthz`)).status === 200 ? true : null));
    await until(async () => ((await fetch(`${b.url}/healthz`)).status === 200 ? true : null));
    try {
      expect((await watching.next((e) => e.type === 'events.resumed', 30_000)).type).toBe('events.resumed');
    } finally {
      watching.close();
    }
    // The refused save wrote nothing: the version it was based on is still the story's.
    const kept = await writer.call<Article>('articles.get', { id: story.id });
    expect(kept.version).toBe(story.version);
    expect(JSON.stringify(kept.body)).toContain('停库前的正文');
    // The session made before the outage still works; the save goes through now.
    const saved = await writer.call<Article>('articles.update', { id: story.id, baseVersion: story.version, patch: { body: body('恢复后的正文。') }, reason: 'save' });
    expect(saved.version).toBeGreaterThan(story.version);

    // Each process listens for the other's events again, without a restart.
    const reader = new HttpClient(b.url);
    await reader.call('auth.login', { username: 'editor', password: 'demo1234' });
    const stream = await openEventStream(b.url, reader.sessionHeaders);
    try {
      const seen = await until(async () => {
        const again = await writer.call<Article>('articles.create', { headline: '恢复后的新稿', body: body('正文。') });
        return stream.next((e) => e.type === 'article.changed' && e.articleId === again.id, 1_500);
      });
      expect(seen.type).toBe('article.changed');
    } finally {
      stream.close();
    }
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  }, 120_000);
});
