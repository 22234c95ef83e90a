import type { Store } from '../../../electron/core/store/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/article';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../../shared/workflow/machine';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { count, onAPage, storyIn, userId } from './support';

/**
 * Every demo user × every state × every action, through the API. The
 * expectations are written out here by hand from the 三审三校 rules, not read
 * from shared/workflow, so a wrong entry in the machine's table fails.
 * Stories are written by `reporter`.
 */
const USERS = ['reporter', 'reporter2', 'editor', 'editor2', 'sectionhead', 'chief', 'layout', 'proofreader', 'admin'] as const;
type User = (typeof USERS)[number];

const EDITORS: User[] = ['editor', 'editor2', 'sectionhead'];
const SPIKERS: User[] = ['editor', 'editor2', 'sectionhead', 'chief'];
const LIVE: ArticleStatus[] = ['draft', 'submitted', 'review1', 'review2', 'review3', 'approved', 'placed', 'page_signed'];

/** action → from-state → [to-state, who may]. */
const EXPECTED: Record<WorkflowAction, Partial<Record<ArticleStatus, [ArticleStatus, User[]]>>> = {
  submit: { draft: ['submitted', ['reporter', ...EDITORS]] },
  withdraw: { submitted: ['draft', ['reporter']] },
  pass1: { submitted: ['review1', EDITORS] },
  pass2: { review1: ['review2', ['sectionhead']] },
  sign: { review2: ['approved', ['chief']], review3: ['approved', ['chief']] },
  return: {
    submitted: ['draft', EDITORS],
    review1: ['draft', ['sectionhead']],
    review2: ['draft', ['chief']],
    review3: ['draft', ['chief']],
    approved: ['draft', ['chief']],
  },
  place: { approved: ['placed', ['layout']] },
  unplace: { placed: ['approved', ['layout']] },
  signPage: { placed: ['page_signed', ['chief']] },
  unsignPage: { page_signed: ['placed', ['chief']] },
  print: { page_signed: ['printed', ['chief']] },
  spike: Object.fromEntries(LIVE.map((s) => [s, ['spiked', SPIKERS]])),
  unspike: { spiked: ['draft', SPIKERS] },
};

const NEEDS_REASON: WorkflowAction[] = ['return', 'spike', 'unsignPage'];
/** The sign-offs a step records: 终审 and 签发 are one act from 复审; signing again after a reopen is 签发 alone. */
const signoffsOf = (action: WorkflowAction, from: ArticleStatus): string[] =>
  ({ pass1: ['review1'], pass2: ['review2'], sign: from === 'review2' ? ['review3', 'sign'] : ['sign'], signPage: ['page_sign'] })[action as string] ?? [];
/** Approvals are given on the text: the reviewer opens the story first (what the editor screen reports). */
const READ_FIRST: WorkflowAction[] = ['pass1', 'pass2', 'sign'];
/** A page's steps are taken on the layout board, which checks the page: the story API refuses them to everyone. */
const PAGE_STEPS: WorkflowAction[] = ['signPage', 'unsignPage', 'print'];

let harness: Harness;
let sql: Store;
const clients = new Map<User, Client>();

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  sql = openTestSql(harness.location);
  for (const user of USERS) clients.set(user, await harness.as(user));
});

afterAll(async () => {
  await sql.close();
  await harness.close();
});

/** Everything a transition could have written about one story. */
async function footprint(articleId: string): Promise<string> {
  return JSON.stringify([
    (await sql.get('SELECT status, version, updated_at, updated_by FROM articles WHERE id = ?', [articleId])),
    (await count(sql, 'SELECT count(*) AS n FROM revisions WHERE article_id = ?', articleId)),
    (await count(sql, 'SELECT count(*) AS n FROM workflow_history WHERE article_id = ?', articleId)),
    (await sql.all('SELECT id, superseded_at FROM workflow_signoffs WHERE article_id = ? ORDER BY id', [articleId])),
    (await count(sql, 'SELECT count(*) AS n FROM notifications')),
  ]);
}

describe('every role × state × transition through the API', () => {
  it.each(ARTICLE_STATUSES)('from “%s”: the allowed steps succeed, every other one is refused with a reason and changes nothing', async (state) => {
    const reporter = clients.get('reporter')!;
    const shared = await storyIn(reporter, sql, state);
    let checked = 0;
    for (const action of WORKFLOW_ACTIONS) {
      const expected = EXPECTED[action][state];
      for (const user of USERS) {
        const permitted = expected !== undefined && expected[1].includes(user);
        const allowed = permitted && !PAGE_STEPS.includes(action);
        const reason = NEEDS_REASON.includes(action) ? '表格测试的理由' : undefined;
        const story = allowed ? await storyIn(reporter, sql, state) : shared;
        if (allowed && action === 'place') await onAPage(sql, story.id);
        if (allowed && READ_FIRST.includes(action)) await clients.get(user)!.call('workflow.opened', { articleId: story.id, version: story.version });
        const before = await footprint(story.id);
        const denialsBefore = (await count(sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied'"));
        const response = await clients.get(user)!.raw('workflow.transition', { articleId: story.id, action, baseVersion: story.version, ...(reason ? { reason } : {}) });
        const label = `${user} ${action} from ${state}`;
        checked += 1;
        if (allowed) {
          expect(response.ok, `${label}: ${response.ok ? '' : response.error.message}`).toBe(true);
          const row = (await sql.get('SELECT status, version FROM articles WHERE id = ?', [story.id])) as { status: string; version: number };
          expect(row, label).toEqual({ status: expected[0], version: story.version + 1 });
          const history = (await sql.all('SELECT action, from_status, to_status, reason, user_id FROM workflow_history WHERE article_id = ?', [story.id]));
          expect(history, label).toEqual([{ action, from_status: state, to_status: expected[0], reason: reason ?? null, user_id: (await userId(sql, user)) }]);
          expect((await count(sql, "SELECT count(*) AS n FROM revisions WHERE article_id = ? AND reason = 'status' AND article_version = ?", story.id, story.version + 1)), label).toBe(1);
          const signoffs = await sql.all('SELECT kind FROM workflow_signoffs WHERE article_id = ? ORDER BY kind', [story.id]);
          expect(signoffs, label).toEqual(signoffsOf(action, state).map((kind) => ({ kind })));
          continue;
        }
        expect(response.ok, `${label} should be refused`).toBe(false);
        if (response.ok) continue;
        expect(response.error.message, label).toMatch(/[\u4e00-\u9fff]/);
        expect(response.error.code, `${label}: ${response.error.message}`).toBe(expected === undefined || permitted ? 'CONFLICT' : 'FORBIDDEN');
        if (expected === undefined) expect(response.error.message, label).toContain('只能用于');
        if (permitted) expect(response.error.message, label).toContain('请在版面上操作');
        expect(await footprint(story.id), label).toBe(before);
        const denialsAfter = (await count(sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied'"));
        expect(denialsAfter, `${label}: a refused privilege is audited, a wrong state is not`).toBe(denialsBefore + (response.error.code === 'FORBIDDEN' ? 1 : 0));
      }
    }
    expect(checked).toBe(WORKFLOW_ACTIONS.length * USERS.length);
  });
});

describe('what every transition checks besides role and state', () => {
  it('refuses 退回 and 撤稿 without a reason, naming the field', async () => {
    const story = await storyIn(clients.get('reporter')!, sql, 'submitted');
    const before = await footprint(story.id);
    for (const action of ['return', 'spike'] as const) {
      for (const reason of [undefined, '   ']) {
        const response = await clients.get('editor')!.raw('workflow.transition', { articleId: story.id, action, baseVersion: story.version, ...(reason === undefined ? {} : { reason }) });
        expect(response.ok ? null : response.error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
        if (!response.ok) expect(response.error.message).toContain('理由');
      }
    }
    expect(await footprint(story.id)).toBe(before);
  });

  it('refuses an approval from someone who has not opened the story’s current text, and an author’s 撤回 once an editor opened it', async () => {
    const reporter = clients.get('reporter')!;
    const editor = clients.get('editor')!;
    const story = await storyIn(reporter, sql, 'submitted');
    const before = await footprint(story.id);
    const unread = await editor.raw('workflow.transition', { articleId: story.id, action: 'pass1', baseVersion: story.version });
    expect(unread.ok ? null : unread.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请先打开稿件读过当前版本') });
    expect(await footprint(story.id)).toBe(before);

    // Opening an older version is not reading the current one.
    await editor.call('articles.update', { id: story.id, baseVersion: story.version, patch: { headline: '编辑改过的标题' } });
    const sectionhead = clients.get('sectionhead')!;
    await sectionhead.call('workflow.opened', { articleId: story.id, version: story.version });
    const stale = await sectionhead.raw('workflow.transition', { articleId: story.id, action: 'pass1', baseVersion: story.version + 1 });
    expect(stale.ok ? null : stale.error.message).toContain('请先打开稿件');
    await sectionhead.call('workflow.opened', { articleId: story.id, version: story.version + 1 });
    expect((await sectionhead.call('workflow.transition', { articleId: story.id, action: 'pass1', baseVersion: story.version + 1 })).status).toBe('review1');
    // The editor who saved the text has read it: no separate opening needed.
    const saved = await storyIn(reporter, sql, 'submitted');
    const edited = await editor.call('articles.update', { id: saved.id, baseVersion: saved.version, patch: { kicker: '编辑加的引题' } });
    expect((await editor.call('workflow.transition', { articleId: saved.id, action: 'pass1', baseVersion: edited.version })).status).toBe('review1');

    const filed = await storyIn(reporter, sql, 'draft');
    const submitted = await reporter.call('workflow.transition', { articleId: filed.id, action: 'submit', baseVersion: filed.version });
    await reporter.call('workflow.opened', { articleId: filed.id, version: submitted.version });
    await editor.call('workflow.opened', { articleId: filed.id, version: submitted.version });
    const late = await reporter.raw('workflow.transition', { articleId: filed.id, action: 'withdraw', baseVersion: submitted.version });
    expect(late.ok ? null : late.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('王海燕已打开这篇稿件审读，不能再撤回') });
    const future = await editor.raw('workflow.opened', { articleId: filed.id, version: submitted.version + 5 });
    expect(future.ok ? null : future.error.code).toBe('VALIDATION');
  });

  it('refuses a step taken on a version the reviewer has not seen', async () => {
    const reporter = clients.get('reporter')!;
    const story = await storyIn(reporter, sql, 'draft');
    await reporter.call('articles.update', { id: story.id, baseVersion: story.version, patch: { headline: '改过的标题' } });
    const before = await footprint(story.id);
    const response = await reporter.raw('workflow.transition', { articleId: story.id, action: 'submit', baseVersion: story.version });
    expect(response.ok ? null : response.error.code).toBe('CONFLICT');
    if (!response.ok) expect(response.error.message).toMatch(/现为版本 2，您看到的是版本 1/);
    expect(await footprint(story.id)).toBe(before);
  });

  it('refuses a deleted story and an unknown one', async () => {
    const reporter = clients.get('reporter')!;
    const story = await storyIn(reporter, sql, 'draft');
    await reporter.call('articles.delete', { id: story.id, baseVersion: story.version });
    const gone = await reporter.raw('workflow.transition', { articleId: story.id, action: 'submit', baseVersion: story.version + 1 });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    const unknown = await reporter.raw('workflow.transition', { articleId: '01a223b7-9de7-70ae-8ef1-92499b73ba31', action: 'submit', baseVersion: 1 });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it('voids the standing sign-offs when a story is returned, so the next round starts clean', async () => {
    const reporter = clients.get('reporter')!;
    const story = await storyIn(reporter, sql, 'submitted');
    await clients.get('editor')!.call('workflow.opened', { articleId: story.id, version: story.version });
    const after1 = await clients.get('editor')!.call('workflow.transition', { articleId: story.id, action: 'pass1', baseVersion: story.version });
    await clients.get('sectionhead')!.call('workflow.transition', { articleId: story.id, action: 'return', baseVersion: after1.version, reason: '导语太长' });
    const rows = (await sql.all('SELECT kind, superseded_at, superseded_reason FROM workflow_signoffs WHERE article_id = ?', [story.id])) as { kind: string; superseded_at: string | null; superseded_reason: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.superseded_at).not.toBeNull();
    expect(rows[0]!.superseded_reason).toBe('退回：导语太长');
  });
});
