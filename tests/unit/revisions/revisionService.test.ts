import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docToParagraphs } from '../../../shared/document/docText';
import type { Article } from '../../../shared/domain/article';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { doc } from './helpers';

let harness: Harness;
let reporter: Client;
let reporter2: Client;
let editor: Client;

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  reporter = await harness.as('reporter');
  reporter2 = await harness.as('reporter2');
  editor = await harness.as('editor');
});

afterAll(() => harness.close());

async function errorOf(client: Client, method: string, input: unknown) {
  const response = await client.raw(method, input);
  return response.ok ? null : response.error;
}

/** A story with three explicit saves and one autosave in between: versions 1 (create), 2 (save), 3 (autosave), 4 (save). */
async function storyWithHistory(client: Client): Promise<Article> {
  const created = await client.call('articles.create', { headline: '市民公园今日开放', body: doc('公园占地三百亩。', '免费向市民开放。') });
  const v2 = await client.call('articles.update', {
    id: created.id,
    baseVersion: 1,
    patch: { headline: '城西市民公园今日开放', body: doc('公园占地五百亩。', '免费向市民开放。', '开放时间为早六点至晚十点。') },
  });
  const v3 = await client.call('articles.update', { id: created.id, baseVersion: v2.version, patch: { subheadline: '免费入园' }, reason: 'autosave' });
  return client.call('articles.update', { id: created.id, baseVersion: v3.version, patch: { page: 3 } });
}

describe('revisions.list', () => {
  it('lists every create and save newest first, with who wrote it and the 字数; a quick autosave leaves none', async () => {
    const story = await storyWithHistory(reporter);
    expect(story.version).toBe(4);
    const list = await reporter.call('revisions.list', { articleId: story.id });
    // 16 = 公园占地三百亩。(8) + 免费向市民开放。(8); 29 adds 开放时间为早六点至晚十点。(13).
    // 第 N 稿 counts the revisions kept, in order and without gaps; the version beside it skips the autosave.
    expect(list.map((r) => [r.number, r.articleVersion, r.reason, r.charCount, r.createdByName])).toEqual([
      [3, 4, 'save', 29, '张晓明'],
      [2, 2, 'save', 29, '张晓明'],
      [1, 1, 'create', 16, '张晓明'],
    ]);
  });

  it('an unknown article is NOT_FOUND with a Chinese message', async () => {
    const error = await errorOf(reporter, 'revisions.list', { articleId: '01a223b7-9de7-70ae-8ef1-92499b73ba31' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '找不到这篇稿件，可能已被删除。' });
  });
});

describe('revisions.diff', () => {
  it('shows hand-written Chinese edits character by character', async () => {
    const story = await storyWithHistory(reporter);
    const [, v2, v1] = await reporter.call('revisions.list', { articleId: story.id });
    const diff = await editor.call('revisions.diff', { articleId: story.id, from: v1!.id, to: v2!.id });
    expect(diff.from).toEqual({ revisionId: v1!.id, version: 1 });
    expect(diff.to).toEqual({ revisionId: v2!.id, version: 2 });
    expect(diff.fields).toEqual([
      { field: 'headline', parts: [{ type: 'insert', text: '城西' }, { type: 'equal', text: '市民公园今日开放' }], added: 2, removed: 0 },
      {
        field: 'body',
        parts: [
          { type: 'equal', text: '公园占地' },
          { type: 'delete', text: '三' },
          { type: 'insert', text: '五' },
          { type: 'equal', text: '百亩。\n免费向市民开放。' },
          { type: 'insert', text: '\n开放时间为早六点至晚十点。' },
        ],
        added: 14,
        removed: 1,
      },
    ]);
    expect(diff.otherChanged).toEqual([]);
    expect([diff.added, diff.removed, diff.exact]).toEqual([16, 1, true]);
  });

  it('compares a revision with the live article, naming changed metadata', async () => {
    const story = await storyWithHistory(reporter);
    const [, v2] = await reporter.call('revisions.list', { articleId: story.id });
    const diff = await reporter.call('revisions.diff', { articleId: story.id, from: v2!.id, to: 'current' });
    expect(diff.to).toEqual({ revisionId: null, version: 4 });
    expect(diff.fields).toEqual([{ field: 'subheadline', parts: [{ type: 'insert', text: '免费入园' }], added: 4, removed: 0 }]);
    expect(diff.otherChanged).toEqual(['page']);
  });

  it('a revision of another story is NOT_FOUND', async () => {
    const mine = await storyWithHistory(reporter);
    const other = await storyWithHistory(reporter2);
    const [otherRevision] = await reporter2.call('revisions.list', { articleId: other.id });
    const error = await errorOf(reporter, 'revisions.diff', { articleId: mine.id, from: otherRevision!.id, to: 'current' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '找不到这条版本记录，它可能属于另一篇稿件。' });
  });

  it('keeps a 200,000-character rewrite within its budget and says the body is shown by whole paragraphs', async () => {
    // 8 paragraphs of 25,000 characters, all rewritten: past the per-stretch limit however fast the machine.
    const paragraphs = (seed: number) =>
      Array.from({ length: 8 }, (_, i) => Array.from({ length: 25_000 }, (_, k) => String.fromCodePoint(0x4e00 + ((i * 7919 + k * 104729 + seed * 31) % 20000))).join(''));
    const created = await reporter.call('articles.create', { headline: '长稿', body: doc(...paragraphs(1)) });
    await reporter.call('articles.update', { id: created.id, baseVersion: 1, patch: { body: doc(...paragraphs(5000)) } });
    const [after, before] = await reporter.call('revisions.list', { articleId: created.id });
    expect([before!.charCount, after!.charCount]).toEqual([200_000, 200_000]);
    const started = Date.now();
    const diff = await reporter.call('revisions.diff', { articleId: created.id, from: before!.id, to: after!.id });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diff.exact).toBe(false);
    expect(diff.fields.map((f) => f.field)).toEqual(['body']);
  });
});

describe('revisions.get and revisions.getVersion', () => {
  it('returns the snapshot of a revision, and of a recorded version; an unrecorded autosave version is null', async () => {
    const story = await storyWithHistory(reporter);
    const [, v2] = await reporter.call('revisions.list', { articleId: story.id });
    const snapshot = await reporter.call('revisions.get', { id: v2!.id });
    expect([snapshot.version, snapshot.headline]).toEqual([2, '城西市民公园今日开放']);
    expect((await reporter.call('revisions.getVersion', { articleId: story.id, version: 2 })).snapshot?.headline).toBe('城西市民公园今日开放');
    expect((await reporter.call('revisions.getVersion', { articleId: story.id, version: 3 })).snapshot).toBeNull();
  });
});

describe('revisions.restore', () => {
  it('brings an old version back as a new version and leaves every old revision untouched', async () => {
    const story = await storyWithHistory(reporter);
    const before = await reporter.call('revisions.list', { articleId: story.id });
    const v1 = before[2]!;
    const snapshotsBefore = await Promise.all(before.map((r) => reporter.call('revisions.get', { id: r.id })));

    const restored = await reporter.call('revisions.restore', { articleId: story.id, revisionId: v1.id, baseVersion: 4 });
    expect(restored.version).toBe(5);
    expect(restored.headline).toBe('市民公园今日开放');
    expect(restored.subheadline).toBe('');
    expect(restored.page).toBeNull();
    expect(docToParagraphs(restored.body)).toEqual(['公园占地三百亩。', '免费向市民开放。']);
    expect((await reporter.call('articles.get', { id: story.id })).version).toBe(5);

    const after = await reporter.call('revisions.list', { articleId: story.id });
    expect(after.map((r) => [r.articleVersion, r.reason, r.charCount])).toEqual([
      [5, 'restore', 16],
      [4, 'save', 29],
      [2, 'save', 29],
      [1, 'create', 16],
    ]);
    expect(after.slice(1)).toEqual(before);
    expect(await Promise.all(before.map((r) => reporter.call('revisions.get', { id: r.id })))).toEqual(snapshotsBefore);
    const sameAsV1 = await reporter.call('revisions.diff', { articleId: story.id, from: v1.id, to: 'current' });
    expect([sameAsV1.fields, sameAsV1.otherChanged]).toEqual([[], []]);

    const sql = openTestSql(harness.location);
    const audit = await sql.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'article.restoreRevision' AND target_id = ?", [story.id]);
    await sql.close();
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ revisionId: v1.id, restoredVersion: 1, newVersion: 5 }]);
  });

  it('a reporter cannot restore another reporter’s story; an editor can', async () => {
    const story = await storyWithHistory(reporter2);
    const [, , v1] = await reporter2.call('revisions.list', { articleId: story.id });

    const refused = await errorOf(reporter, 'revisions.restore', { articleId: story.id, revisionId: v1!.id, baseVersion: 4 });
    expect(refused?.code).toBe('FORBIDDEN');
    expect(refused?.message).toContain('您只能修改自己写的稿件');
    expect((await reporter.call('articles.get', { id: story.id })).version).toBe(4);
    expect(await reporter.call('revisions.list', { articleId: story.id })).toHaveLength(3);

    const restored = await editor.call('revisions.restore', { articleId: story.id, revisionId: v1!.id, baseVersion: 4 });
    expect([restored.version, restored.headline, restored.updatedByName]).toEqual([5, '市民公园今日开放', '王海燕']);
    const [latest] = await editor.call('revisions.list', { articleId: story.id });
    expect([latest!.reason, latest!.createdByName]).toEqual(['restore', '王海燕']);
  });

  it('a stale base version is the usual CONFLICT and writes nothing', async () => {
    const story = await storyWithHistory(reporter);
    const [, , v1] = await reporter.call('revisions.list', { articleId: story.id });
    const error = await errorOf(reporter, 'revisions.restore', { articleId: story.id, revisionId: v1!.id, baseVersion: 2 });
    expect(error?.code).toBe('CONFLICT');
    expect(error?.message).toContain('现为版本 4');
    expect((await reporter.call('articles.get', { id: story.id })).version).toBe(4);
    expect(await reporter.call('revisions.list', { articleId: story.id })).toHaveLength(3);
  });
});
