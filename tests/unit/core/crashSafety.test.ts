import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { startHostProcess, tempDataDir } from '../../support/hostProcess';
import { HttpClient } from '../../support/httpClient';

interface Saved {
  id: string;
  version: number;
  headline: string;
}

describe('a save the UI was told about survives SIGKILL of the process that owns the database', () => {
  it('holds over many kills in the middle of a stream of saves, and integrity_check stays ok', async () => {
    const dataDir = tempDataDir();
    const rounds = 5;
    let articleId: string | null = null;
    for (let round = 0; round < rounds; round += 1) {
      const host = await startHostProcess(dataDir, ['--demo']);
      const client = new HttpClient(host.url);
      await client.call('auth.login', { username: 'reporter', password: 'demo1234' });
      if (!articleId) articleId = (await client.call<Saved>('articles.create', { headline: '崩溃测试 起点' })).id;
      let current = await client.call<Saved>('articles.get', { id: articleId });
      const lastAcked = { version: current.version, headline: current.headline };

      // Saves run back to back; the kill lands at a random moment among them.
      const killAfterMs = 150 + Math.floor(Math.random() * 350);
      const killer = setTimeout(() => host.child.kill('SIGKILL'), killAfterMs);
      let n = 0;
      const giveUpAt = Date.now() + 20_000;
      try {
        while (Date.now() < giveUpAt) {
          n += 1;
          const headline = `崩溃测试 第${round}轮 第${n}次保存`;
          current = await client.call<Saved>('articles.update', { id: articleId, baseVersion: current.version, patch: { headline }, reason: 'autosave' });
          lastAcked.version = current.version;
          lastAcked.headline = headline;
        }
      } catch {
        // The connection dies with the process: every save before this one was acknowledged.
      } finally {
        clearTimeout(killer);
        await host.stop('SIGKILL');
      }
      expect(n, 'saves happened before the kill').toBeGreaterThan(1);

      const restarted = await startHostProcess(dataDir);
      const again = new HttpClient(restarted.url);
      await again.call('auth.login', { username: 'reporter', password: 'demo1234' });
      const after = await again.call<Saved>('articles.get', { id: articleId });
      await restarted.stop();
      // The in-flight save may or may not have committed; an acknowledged one must be there.
      expect(after.version).toBeGreaterThanOrEqual(lastAcked.version);
      if (after.version === lastAcked.version) expect(after.headline).toBe(lastAcked.headline);
    }
    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 180_000);
});
