import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import { WorkflowService } from '../../../electron/core/services/workflowService';
import { count, DOC, direct, storyIn, useDemoDesk, userId } from './support';

const desk = useDemoDesk(['reporter', 'reporter2', 'editor', 'editor2', 'sectionhead', 'chief', 'layout', 'admin']);
const { c, events } = desk;

/** As a reviewer works: the story is opened in the editor (which reports it), then the step is taken. */
async function step(who: string, articleId: string, action: string, reason?: string) {
  const { version } = await c[who]!.call('articles.get', { id: articleId });
  await c[who]!.call('workflow.opened', { articleId, version });
  return c[who]!.call('workflow.transition', { articleId, action: action as never, baseVersion: version, ...(reason ? { reason } : {}) });
}

async function refusal(who: string, articleId: string, action: string) {
  const { version } = await c[who]!.call('articles.get', { id: articleId });
  await c[who]!.call('workflow.opened', { articleId, version });
  const response = await c[who]!.raw('workflow.transition', { articleId, action, baseVersion: version });
  return response.ok ? null : response.error;
}

describe('三审三校 from filing to 签发', () => {
  it('records who signed each level, the exact revision and version, and builds the 审稿单', async () => {
    const story = await c['reporter']!.call('articles.create', { headline: '江城首座口袋公园开放', body: DOC('首座口袋公园今天开放。') });
    await step('reporter', story.id, 'submit');
    await step('editor', story.id, 'return', '请补充公园面积');
    await c['reporter']!.call('articles.update', { id: story.id, baseVersion: story.version + 2, patch: { body: DOC('首座口袋公园今天开放，面积约1200平方米。') } });
    await step('reporter', story.id, 'submit');
    await step('editor', story.id, 'pass1');
    await step('sectionhead', story.id, 'pass2');
    // 终审 and 签发 are one act of the chief.
    const signed = await step('chief', story.id, 'sign');
    expect(signed.status).toBe('approved');
    expect(signed).toEqual(await c['chief']!.call('articles.get', { id: story.id }));

    const signoffs = await c['reporter']!.call('workflow.signoffs', { articleId: story.id });
    expect(signoffs.map((s) => [s.kind, s.userName])).toEqual([
      ['review1', '王海燕'],
      ['review2', '陈建国'],
      ['review3', '黄志远'],
      ['sign', '黄志远'],
    ]);
    const sign = signoffs.find((s) => s.kind === 'sign')!;
    expect(sign.articleVersion).toBe(signed.version);
    expect(signoffs.find((s) => s.kind === 'review3')!.revisionId).toBe(sign.revisionId);
    const revision = (await desk.sql.get('SELECT article_version, reason, snapshot FROM revisions WHERE id = ?', [sign.revisionId])) as { article_version: number; reason: string; snapshot: string };
    expect(revision.article_version).toBe(signed.version);
    expect(revision.reason).toBe('status');
    expect(JSON.stringify(JSON.parse(revision.snapshot).body)).toContain('面积约1200平方米');

    const sheet = await c['layout']!.call('workflow.reviewSheet', { articleId: story.id });
    expect(sheet.paperName).toBe('江城日报');
    expect(sheet.levels.map((l) => [l.label, l.signoff?.userName ?? null])).toEqual([
      ['交稿', '张晓明'],
      ['初审', '王海燕'],
      ['复审', '陈建国'],
      ['终审', '黄志远'],
      ['签发', '黄志远'],
      ['签版', null],
    ]);
    expect(sheet.history.map((h) => h.action)).toEqual(['submit', 'return', 'submit', 'pass1', 'pass2', 'sign']);
    // The sheet names the signed revision as the history does: 第 N 稿, with the version beside it.
    const numbers = new Map((await c['chief']!.call('revisions.list', { articleId: story.id })).map((r) => [r.id, r.number]));
    expect(sheet.levels.find((l) => l.kind === 'sign')?.signoff).toMatchObject({ revisionId: sign.revisionId, revisionNumber: numbers.get(sign.revisionId), articleVersion: signed.version });
    expect([...numbers.values()].sort((x, y) => x - y)).toEqual([...numbers.keys()].map((_, i) => i + 1));
    expect(sheet.history[1]).toMatchObject({ userName: '王海燕', reason: '请补充公园面积', fromStatus: 'submitted', toStatus: 'draft' });

    const audit = await c['chief']!.call('audit.list', { targetId: story.id, limit: 100 });
    const actions = audit.items.map((i) => `${i.action}:${(i.details as { action?: string; kind?: string }).action ?? (i.details as { kind?: string }).kind ?? ''}`);
    expect(actions).toEqual(expect.arrayContaining(['workflow.transition:return', 'workflow.transition:sign', 'workflow.signoff:sign', 'workflow.signoff:review1']));
  });
});

describe('separation of duties', () => {
  it('bars a second level to one person until the paper allows it, and says why', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await step('sectionhead', story.id, 'pass1');
    const denialsBefore = (await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied' AND target_id = ?", story.id));
    const refused = await refusal('sectionhead', story.id, 'pass2');
    expect(refused?.code).toBe('FORBIDDEN');
    expect(refused?.message).toContain('已对这篇稿件做了初审');
    expect((await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied' AND target_id = ?", story.id))).toBe(denialsBefore + 1);
    expect((await c['sectionhead']!.call('workflow.myQueue', {})).items.map((i) => i.id)).not.toContain(story.id);

    await c['admin']!.call('admin.updateSettings', { allowSameReviewer: true });
    try {
      expect((await c['sectionhead']!.call('workflow.myQueue', {})).items.map((i) => i.id)).toContain(story.id);
      expect((await step('sectionhead', story.id, 'pass2')).status).toBe('review2');
    } finally {
      await c['admin']!.call('admin.updateSettings', { allowSameReviewer: false });
    }
  });

  it('bars an editor from reviewing a story they wrote; a colleague may', async () => {
    const story = await c['editor']!.call('articles.create', { headline: '编辑自己写的评论', body: DOC('正文') });
    await step('editor', story.id, 'submit');
    const refused = await refusal('editor', story.id, 'pass1');
    expect(refused?.message).toContain('作者');
    expect((await step('editor2', story.id, 'pass1')).status).toBe('review1');
  });

  it('holds for a role given extra privileges: the chief who took 复审 cannot also take 终审', async () => {
    const roles = await c['admin']!.call('admin.listRoles', {});
    const chief = roles.find((r) => r.code === 'chief_editor')!;
    await c['admin']!.call('admin.updateRole', { code: 'chief_editor', privileges: [...chief.privileges, 'workflow.review2'], baseVersion: chief.version });
    const story = await storyIn(c['reporter']!, desk.sql, 'review1');
    await step('chief', story.id, 'pass2');
    expect((await refusal('chief', story.id, 'sign'))?.message).toContain('复审');
    expect((await refusal('chief', story.id, 'return'))?.code).toBe('FORBIDDEN');
    const now = (await c['admin']!.call('admin.listRoles', {})).find((r) => r.code === 'chief_editor')!;
    await c['admin']!.call('admin.updateRole', { code: 'chief_editor', privileges: chief.privileges, baseVersion: now.version });
  });
});

describe('queues and notifications', () => {
  it('puts a filed story in the 初审 queue of every editor but its author, and tells them', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    const mark = events.length;
    await step('reporter', story.id, 'submit');
    for (const who of ['editor', 'editor2', 'sectionhead']) {
      const item = (await c[who]!.call('workflow.myQueue', {})).items.find((i) => i.id === story.id);
      expect(item?.why, who).toBe('waiting');
      expect(item?.actions.map((a) => a.action), who).toEqual(['pass1', 'return', 'spike']);
      const notes = await c[who]!.call('notifications.list', { unreadOnly: true });
      expect(notes.items.find((n) => n.articleId === story.id)?.title, who).toBe('《流程测试稿》等待通过初审');
    }
    for (const who of ['chief', 'layout', 'reporter']) {
      expect((await c[who]!.call('workflow.myQueue', {})).items.filter((i) => i.why === 'waiting').map((i) => i.id), who).not.toContain(story.id);
    }
    const pushed = events.slice(mark).filter((e): e is Extract<ApiEvent, { type: 'notification' }> => e.type === 'notification' && e.articleId === story.id);
    expect(pushed.map((e) => e.userId).sort()).toEqual((await Promise.all(['editor', 'editor2', 'sectionhead'].map((u) => userId(desk.sql, u)))).sort());
    expect(events.slice(mark).some((e) => e.type === 'article.status' && e.articleId === story.id && e.status === 'submitted')).toBe(true);
  });

  it('shows the reporter their returned story with who returned it and why, and tells only them', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    const mark = events.length;
    await step('editor2', story.id, 'return', '数据来源不清楚');
    const item = (await c['reporter']!.call('workflow.myQueue', {})).items.find((i) => i.id === story.id);
    expect(item).toMatchObject({ why: 'returned', returned: { byName: '孙立群', reason: '数据来源不清楚' } });
    expect(item?.actions.map((a) => a.action)).toEqual(['submit']);
    const pushed = events.slice(mark).filter((e) => e.type === 'notification');
    expect(pushed).toEqual([expect.objectContaining({ userId: (await userId(desk.sql, 'reporter')), title: '您的稿件《流程测试稿》被退回', body: expect.stringContaining('数据来源不清楚') })]);
    expect((await c['reporter2']!.call('workflow.myQueue', {})).items.map((i) => i.id)).not.toContain(story.id);
  });

  it('marks notifications read, only the caller’s own', async () => {
    const mine = await c['reporter']!.call('notifications.list', { unreadOnly: true });
    expect(mine.unread).toBeGreaterThan(0);
    const others = await c['editor']!.call('notifications.list', { unreadOnly: true });
    await c['reporter']!.call('notifications.markRead', { ids: [others.items[0]!.id, mine.items[0]!.id] });
    expect((await c['reporter']!.call('notifications.list', {})).unread).toBe(mine.unread - 1);
    expect((await c['editor']!.call('notifications.list', {})).unread).toBe(others.unread);
    expect(await c['reporter']!.call('notifications.markRead', {})).toEqual({ unread: 0 });
  });

  it('counts the pipeline by state and desk', async () => {
    const overview = await c['chief']!.call('workflow.overview', {});
    const live = (await desk.sql.get("SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL AND status = 'submitted'")) as { n: number };
    expect(overview.byStatus.submitted).toBe(live.n);
    expect(overview.byStatus.printed).toBeUndefined();
    const economy = overview.byDesk.find((d) => d.desk === '经济部');
    expect(economy?.counts.review2).toBe(1);
    expect(economy?.total).toBe(Object.values(economy!.counts).reduce((a, b) => a + (b ?? 0), 0));
  });
});

describe('an edit after 签发 reopens the approval (the hook ArticleService.update calls)', () => {
  it('sends a signed story back to 终审, voids 签发 and tells the chief; planning edits do not', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'review3');
    const signed = await step('chief', story.id, 'sign');
    const d = await direct(desk.harness.location);
    const { articles, workflow } = d.services;
    try {
      const editor = await d.actor('editor');
      const before = await articles.get(story.id);
      const planned = await articles.update(editor, { id: story.id, baseVersion: before.version, patch: { page: 2 }, reason: 'save' });
      expect(planned).toMatchObject({ status: 'approved', version: before.version + 1 });
      expect(await workflow.onContentEdited(editor, before, planned)).toBe(planned);

      // The save writes one version and the reopening the next, in one transaction.
      const reopened = await articles.update(editor, { id: story.id, baseVersion: planned.version, patch: { headline: '签发后改的标题' }, reason: 'save' });
      expect(reopened).toMatchObject({ status: 'review3', version: planned.version + 2, headline: '签发后改的标题' });
      const sign = (await workflow.signoffs(story.id)).find((s) => s.kind === 'sign')!;
      expect(sign.supersededAt).not.toBeNull();
      expect(sign.articleVersion).toBe(signed.version);
      expect((await workflow.reviewSheet(story.id)).levels.find((l) => l.kind === 'sign')?.signoff).toBeNull();
      expect(d.events).toContainEqual(expect.objectContaining({ type: 'notification', userId: (await userId(desk.sql, 'chief')), title: '《签发后改的标题》等待签发' }));
      expect((await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'workflow.reopen' AND target_id = ?", story.id))).toBe(1);
    } finally {
      await d.close();
    }
    expect((await step('chief', story.id, 'sign')).status).toBe('approved');
  });

  it('freezes printed and spiked stories, and keeps a filed story away from an author without edit rights', async () => {
    const d = await direct(desk.harness.location);
    const { articles, workflow } = d.services;
    try {
      for (const status of ['printed', 'spiked'] as const) {
        const story = await storyIn(c['reporter']!, desk.sql, status);
        await expect(workflow.assertCanEdit(await d.actor('editor'), await articles.get(story.id), ['body'])).rejects.toThrow(status === 'printed' ? /付印/ : /恢复撤稿/);
      }
      const filed = await storyIn(c['reporter']!, desk.sql, 'submitted');
      await expect(workflow.assertCanEdit(await d.actor('reporter'), await articles.get(filed.id), ['body'])).rejects.toThrow(/联系编辑退回/);
      await expect(workflow.assertCanEdit(await d.actor('editor'), await articles.get(filed.id), ['body'])).resolves.toBeUndefined();
    } finally {
      await d.close();
    }
  });
});

describe('the 签发 gate (where the proofreading check plugs in)', () => {
  it('refuses 签发 when the gate says no, writing nothing, and lets the other steps through', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'review2');
    const seen: string[] = [];
    const d = await direct(desk.harness.location);
    const { articles, audit, notifications, locks } = d.services;
    const workflow = new WorkflowService(d.ctx, audit, notifications, locks, async (_actor, article) => {
      seen.push(article.id);
      throw new ApiError('CONFLICT', '还有 2 处校对错误未处理，不能签发。');
    });
    try {
      const chief = await d.actor('chief');
      await workflow.opened(chief, story.id, story.version);
      expect(seen).toEqual([]);
      const before = JSON.stringify([await articles.get(story.id), await workflow.signoffs(story.id)]);
      await expect(workflow.transition(chief, { articleId: story.id, action: 'sign', baseVersion: story.version })).rejects.toThrow('还有 2 处校对错误未处理');
      expect(seen).toEqual([story.id]);
      expect(JSON.stringify([await articles.get(story.id), await workflow.signoffs(story.id)])).toBe(before);
    } finally {
      await d.close();
    }
  });
});
