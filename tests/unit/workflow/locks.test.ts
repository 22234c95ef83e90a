import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/hostProcess';
import { count, DOC, direct, storyIn, useDemoDesk, userId } from './support';

const desk = useDemoDesk(['reporter', 'editor', 'editor2', 'sectionhead', 'chief', 'layout', 'proofreader', 'admin']);
const { c, events } = desk;

interface RaceResult {
  won: string[];
  lost: string[];
  began: number;
  ended: number;
}

const lockRows = async (articleId: string) => (await desk.sql.all('SELECT part, user_id FROM article_locks WHERE article_id = ? ORDER BY part', [articleId]));

describe('part locks', () => {
  it('lets the desk hold the headline while the reporter keeps the body, and names the holder to anyone else', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    const body = await c['reporter']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    expect(body).toMatchObject({ part: 'body', userName: '张晓明' });
    expect(Date.parse(body.expiresAt) - Date.parse(body.renewedAt)).toBe(15 * 60_000);
    await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    const refused = await c['editor2']!.raw('locks.acquire', { articleId: story.id, part: 'body' });
    expect(refused.ok ? null : refused.error.code).toBe('LOCKED');
    if (!refused.ok) expect(refused.error.message).toMatch(/正文正由张晓明编辑/);
    const status = await c['proofreader']!.call('locks.status', { articleId: story.id });
    expect(status.map((l) => [l.part, l.userName])).toEqual([
      ['body', '张晓明'],
      ['headline', '王海燕'],
    ]);
    expect(await c['reporter']!.call('locks.acquire', { articleId: story.id, part: 'body' })).toMatchObject({ acquiredAt: body.acquiredAt });
    expect(await c['editor2']!.call('locks.release', { articleId: story.id })).toEqual({ released: [] });
    expect(await c['editor']!.call('locks.release', { articleId: story.id })).toEqual({ released: ['headline'] });
    expect(await lockRows(story.id)).toEqual([{ part: 'body', user_id: (await userId(desk.sql, 'reporter')) }]);
  });

  it('merges the desk’s headline save and the reporter’s body save from the same base, and still refuses two saves of one part', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    const opened = await c['reporter']!.call('articles.get', { id: story.id });
    await c['reporter']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    const deskSave = await c['editor']!.call('articles.update', { id: story.id, baseVersion: opened.version, patch: { headline: '编辑改过的标题' }, reason: 'save' });
    const mine = await c['reporter']!.call('articles.update', {
      id: story.id,
      baseVersion: opened.version,
      patch: { body: DOC('记者接着写的正文。') },
      reason: 'autosave',
    });
    expect([mine.version, mine.headline, mine.body]).toEqual([deskSave.version + 1, '编辑改过的标题', DOC('记者接着写的正文。')]);

    // The same part from a stale base: the second writer must see the first one's text.
    const stale = await c['editor']!.raw('articles.update', { id: story.id, baseVersion: deskSave.version, patch: { headline: '另一个标题' }, reason: 'save' });
    expect(stale.ok).toBe(true);
    const again = await c['editor']!.raw('articles.update', { id: story.id, baseVersion: deskSave.version, patch: { headline: '第三个标题' }, reason: 'save' });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const twice = await c['reporter']!.raw('articles.update', { id: story.id, baseVersion: opened.version, patch: { body: DOC('旧底稿上的改动。') }, reason: 'save' });
    expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
    expect((await c['reporter']!.call('articles.get', { id: story.id })).body).toEqual(DOC('记者接着写的正文。'));
    await c['reporter']!.call('locks.release', { articleId: story.id });
    await c['editor']!.call('locks.release', { articleId: story.id });
  });

  it('refuses a lock to someone who may not edit the story, on a printed story, and to an author once the story is filed', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    const proof = await c['proofreader']!.raw('locks.acquire', { articleId: story.id, part: 'body' });
    expect(proof.ok ? null : proof.error.code).toBe('FORBIDDEN');
    const printed = await storyIn(c['reporter']!, desk.sql, 'printed');
    const frozen = await c['editor']!.raw('locks.acquire', { articleId: printed.id, part: 'body' });
    expect(frozen.ok ? null : frozen.error.message).toContain('已付印');
    const filed = await storyIn(c['reporter']!, desk.sql, 'submitted');
    const author = await c['reporter']!.raw('locks.acquire', { articleId: filed.id, part: 'body' });
    expect(author.ok ? null : author.error.message).toContain('联系编辑退回');
    expect(await lockRows(story.id)).toEqual([]);
    expect(await lockRows(printed.id)).toEqual([]);
    expect(await lockRows(filed.id)).toEqual([]);
  });

  it('gives a part to exactly one of two simultaneous callers', async () => {
    for (let round = 0; round < 20; round += 1) {
      const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
      const results = await Promise.all([
        c['editor']!.raw('locks.acquire', { articleId: story.id, part: 'body' }),
        c['editor2']!.raw('locks.acquire', { articleId: story.id, part: 'body' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['LOCKED']);
      const winner = results[0]!.ok ? 'editor' : 'editor2';
      expect(await lockRows(story.id)).toEqual([{ part: 'body', user_id: (await userId(desk.sql, winner)) }]);
    }
  });

  it('gives a part to exactly one of two processes racing on the same database', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 150; i += 1) ids.push((await storyIn(c['reporter']!, desk.sql, 'submitted')).id);
    const idsFile = path.join(desk.harness.dataDir, 'race-ids.json');
    fs.writeFileSync(idsFile, JSON.stringify(ids));
    // Opposite orders: each side wins the stories it reaches first, and they collide in the middle.
    const start = (username: string, order: 'forward' | 'reverse') => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/workflow/lockRace.child.ts', JSON.stringify(desk.harness.location), idsFile, username, order], { cwd: ROOT });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const ready = new Promise<void>((resolve) =>
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.startsWith('ready\n')) resolve();
        }),
      );
      const done = new Promise<RaceResult>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`${username}: exit ${code}\n${err}`)))),
      );
      return { child, ready, done };
    };
    const sides = [start('editor', 'forward'), start('editor2', 'reverse')];
    await Promise.all(sides.map((s) => s.ready));
    for (const side of sides) side.child.stdin.write('g');
    const [a, b] = (await Promise.all(sides.map((s) => s.done))) as [RaceResult, RaceResult];
    expect(a.began, 'the processes left the gate late: no race took place').toBeLessThan(b.ended);
    expect(b.began, 'the processes left the gate late: no race took place').toBeLessThan(a.ended);
    expect(a.won.length).toBeGreaterThan(0);
    expect(b.won.length).toBeGreaterThan(0);
    expect([...a.won, ...b.won].sort()).toEqual([...ids].sort());
    expect([...a.lost, ...b.lost].sort()).toEqual([...ids].sort());
    const editorId = (await userId(desk.sql, 'editor'));
    for (const id of a.won) expect(await lockRows(id)).toEqual([{ part: 'body', user_id: editorId }]);
  }, 60_000);

  it('frees an idle lock for the next person after the paper’s idle time', async () => {
    await c['admin']!.call('admin.updateSettings', { lockIdleMinutes: 5 });
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    const stillHeld = await c['editor2']!.raw('locks.acquire', { articleId: story.id, part: 'body' });
    expect(stillHeld.ok ? null : stillHeld.error.code).toBe('LOCKED');
    await desk.sql.run('UPDATE article_locks SET renewed_at = ? WHERE article_id = ?', [new Date(Date.now() - 6 * 60_000).toISOString(), story.id]);
    expect(await c['sectionhead']!.call('locks.status', { articleId: story.id })).toEqual([]);
    expect(await c['editor2']!.call('locks.acquire', { articleId: story.id, part: 'body' })).toMatchObject({ userName: '孙立群' });
    expect((await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'lock.expired' AND target_id = ?", story.id))).toBe(1);
    await c['admin']!.call('admin.updateSettings', { lockIdleMinutes: 15 });
  });

  it('asks the holder to let go, by a notification only the holder gets', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    const mark = events.length;
    await c['sectionhead']!.call('locks.request', { articleId: story.id, part: 'headline', message: '版面等着定标题' });
    const notes = events.slice(mark).filter((e) => e.type === 'notification');
    expect(notes).toEqual([expect.objectContaining({ userId: (await userId(desk.sql, 'editor')), title: '陈建国请求编辑《流程测试稿》的标题', body: expect.stringContaining('版面等着定标题') })]);
    const free = await c['sectionhead']!.raw('locks.request', { articleId: story.id, part: 'body' });
    expect(free.ok ? null : free.error.message).toContain('没有人锁定');
  });
});

describe('force-unlock never drops the holder’s text', () => {
  it('keeps the saved text in a revision, tells the holder, and keeps what they had not saved in another', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    await c['reporter']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    const autosaved = await c['reporter']!.call('articles.update', { id: story.id, baseVersion: story.version, patch: { body: DOC('已自动保存的一段。') }, reason: 'autosave' });

    const refused = await c['editor']!.raw('locks.forceRelease', { articleId: story.id, part: 'body' });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(await lockRows(story.id)).toHaveLength(1);

    const mark = events.length;
    const forced = await c['sectionhead']!.call('locks.forceRelease', { articleId: story.id, part: 'body' });
    expect(forced.holder.userName).toBe('张晓明');
    expect(await lockRows(story.id)).toEqual([]);
    const kept = (await desk.sql.get('SELECT reason, article_version, snapshot FROM revisions WHERE id = ?', [forced.revisionId])) as { reason: string; article_version: number; snapshot: string };
    expect(kept.reason).toBe('force-unlock');
    expect(kept.article_version).toBe(autosaved.version);
    expect(kept.snapshot).toContain('已自动保存的一段。');

    const pushed = events.slice(mark);
    expect(pushed).toContainEqual({ type: 'lock.changed', articleId: story.id, part: 'body', holderId: null, holderName: null, byUserId: (await userId(desk.sql, 'sectionhead')), forced: true, previousHolderId: (await userId(desk.sql, 'reporter')) });
    expect(pushed).toContainEqual(expect.objectContaining({ type: 'notification', userId: (await userId(desk.sql, 'reporter')), title: expect.stringContaining('强制解锁') }));
    expect((await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'lock.force_release' AND target_id = ?", story.id))).toBe(1);

    await c['sectionhead']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    const side = await c['reporter']!.call('locks.saveDisplaced', { articleId: story.id, patch: { body: DOC('已自动保存的一段。还没来得及保存的第二句。') } });
    const pending = (await desk.sql.get('SELECT reason, created_by, snapshot FROM revisions WHERE id = ?', [side.revisionId])) as { reason: string; created_by: string; snapshot: string };
    expect(pending.reason).toBe('force-unlock-pending');
    expect(pending.created_by).toBe((await userId(desk.sql, 'reporter')));
    expect(pending.snapshot).toContain('还没来得及保存的第二句。');
    const now = await c['reporter']!.call('articles.get', { id: story.id });
    expect(now.version).toBe(autosaved.version);
    expect(JSON.stringify(now.body)).not.toContain('第二句');
  });

  it('refuses a side copy from someone who may not edit the story', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    const response = await c['proofreader']!.raw('locks.saveDisplaced', { articleId: story.id, patch: { headline: '不该存下的标题' } });
    expect(response.ok ? null : response.error.code).toBe('FORBIDDEN');
    expect((await count(desk.sql, 'SELECT count(*) AS n FROM revisions WHERE article_id = ?', story.id))).toBe(1);
  });
});

describe('the hooks the lead wires in', () => {
  it('LockService.assertCanEdit refuses a part someone else holds, and renews the caller’s own', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    await desk.sql.run('UPDATE article_locks SET renewed_at = ? WHERE article_id = ?', ['2020-01-01T00:00:00.000Z', story.id]);
    const d = await direct(desk.harness.location);
    const { locks } = d.services;
    try {
      await expect(locks.assertCanEdit(await d.actor('editor2'), story.id, ['body'])).resolves.toBeUndefined();
      await desk.sql.run('UPDATE article_locks SET renewed_at = ? WHERE article_id = ?', [new Date().toISOString(), story.id]);
      await expect(locks.assertCanEdit(await d.actor('editor2'), story.id, ['body', 'headline'])).rejects.toThrow(/标题正由王海燕编辑/);
      const before = Date.now();
      await locks.assertCanEdit(await d.actor('editor'), story.id, ['headline']);
      const renewed = ((await desk.sql.get('SELECT renewed_at FROM article_locks WHERE article_id = ?', [story.id])) as { renewed_at: string }).renewed_at;
      expect(Date.parse(renewed)).toBeGreaterThanOrEqual(before - 5);
    } finally {
      await d.close();
    }
  });

  it('releaseSession frees only the locks of the session that signed out', async () => {
    const a = await storyIn(c['reporter']!, desk.sql, 'submitted');
    const b = await storyIn(c['reporter']!, desk.sql, 'submitted');
    const d = await direct(desk.harness.location);
    const { locks } = d.services;
    try {
      await locks.acquire(await d.actor('editor', 'window-1'), a.id, 'body');
      await locks.acquire(await d.actor('editor', 'window-2'), b.id, 'body');
      expect(await locks.releaseSession(await d.actor('editor', 'window-1'))).toBe(1);
      expect(await lockRows(a.id)).toEqual([]);
      expect(await lockRows(b.id)).toHaveLength(1);
      expect(d.events).toContainEqual(expect.objectContaining({ type: 'lock.changed', articleId: a.id, holderId: null, previousHolderId: (await userId(desk.sql, 'editor')) }));
    } finally {
      await d.close();
    }
  });

  it('disabling a user frees their locks at once', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await c['editor2']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    await c['admin']!.call('admin.setUserDisabled', { userId: (await userId(desk.sql, 'editor2')), disabled: true });
    expect(await lockRows(story.id)).toEqual([]);
    await c['admin']!.call('admin.setUserDisabled', { userId: (await userId(desk.sql, 'editor2')), disabled: false });
  });
});
