import { beforeAll, describe, expect, it } from 'vitest';
import { count, DOC, useDemoDesk, userId } from './support';

let articleId: string;
const desk = useDemoDesk(['reporter', 'editor', 'sectionhead', 'proofreader', 'chief']);
const { c } = desk;

beforeAll(async () => {
  const story = await c['reporter']!.call('articles.create', { headline: '江城电子信息产业规模首破千亿元', body: DOC('全市电子信息产业规模达到1024亿元，同比增长12.5%。') });
  articleId = story.id;
});

describe('comments', () => {
  it('anchors a comment to a range with its quote, threads a reply, and tells whoever is @mentioned', async () => {
    const note = await c['proofreader']!.call('comments.add', {
      articleId,
      text: '@王海燕 请核实这个数字，@reporter 也看一下',
      anchor: { paragraph: 0, start: 12, end: 18, quote: '1024亿元' },
    });
    expect(note).toMatchObject({ authorName: '郑秀兰', parentId: null, anchor: { paragraph: 0, start: 12, end: 18, quote: '1024亿元' } });
    expect(note.mentions.map((m) => m.name).sort()).toEqual(['张晓明', '王海燕'].sort());

    const editorNotes = await c['editor']!.call('notifications.list', { unreadOnly: true });
    expect(editorNotes.items[0]).toMatchObject({ kind: 'comment.mention', title: '郑秀兰在《江城电子信息产业规模首破千亿元》的评论中提到了您', articleId });

    const reply = await c['reporter']!.call('comments.add', { articleId, parentId: note.id, text: '已与统计局核实，无误。' });
    expect(reply.parentId).toBe(note.id);
    const proofNotes = await c['proofreader']!.call('notifications.list', { unreadOnly: true });
    expect(proofNotes.items[0]).toMatchObject({ kind: 'comment.reply', body: '已与统计局核实，无误。' });

    const thread = await c['chief']!.call('comments.list', { articleId });
    expect(thread.map((t) => [t.id, t.parentId])).toEqual([
      [note.id, null],
      [reply.id, note.id],
    ]);
  });

  it('lets the story’s author or an editor resolve a thread, not an unrelated reader', async () => {
    const note = await c['proofreader']!.call('comments.add', { articleId, text: '标题是否过长？' });
    const reply = await c['editor']!.call('comments.add', { articleId, parentId: note.id, text: '可以接受' });
    const before = (await count(desk.sql, 'SELECT count(*) AS n FROM comments WHERE resolved_at IS NOT NULL'));
    expect((await c['chief']!.call('comments.resolve', { commentId: note.id, resolved: true })).resolvedByName).toBe('黄志远');
    expect((await c['chief']!.call('comments.resolve', { commentId: note.id, resolved: false })).resolvedAt).toBeNull();

    const layout = await desk.harness.as('layout');
    const deniedBefore = (await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied' AND user_id = ?", (await userId(desk.sql, 'layout'))));
    const denied = await layout.raw('comments.resolve', { commentId: reply.id, resolved: true });
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    expect((await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'permission.denied' AND user_id = ?", (await userId(desk.sql, 'layout'))))).toBe(deniedBefore + 1);
    expect((await count(desk.sql, 'SELECT count(*) AS n FROM comments WHERE resolved_at IS NOT NULL'))).toBe(before);

    const resolved = await c['reporter']!.call('comments.resolve', { commentId: reply.id, resolved: true });
    expect(resolved).toMatchObject({ id: note.id, resolvedByName: '张晓明' });
    const rows = (await desk.sql.all('SELECT resolved_by FROM comments WHERE id IN (?, ?)', [note.id, reply.id])) as { resolved_by: string }[];
    expect(rows.map((r) => r.resolved_by)).toEqual([(await userId(desk.sql, 'reporter')), (await userId(desk.sql, 'reporter'))]);
  });

  it('refuses an anchor outside the saved text, a reply to a reply and a reply to another story, changing nothing', async () => {
    const root = await c['editor']!.call('comments.add', { articleId, text: '总体可以' });
    const reply = await c['reporter']!.call('comments.add', { articleId, parentId: root.id, text: '谢谢' });
    const other = await c['reporter']!.call('articles.create', { headline: '另一篇', body: DOC('正文') });
    const before = (await count(desk.sql, 'SELECT count(*) AS n FROM comments'));
    const cases = [
      [{ articleId, text: '第二段？', anchor: { paragraph: 1, start: 0, end: 1, quote: 'x' } }, '正文只有 1 段'],
      [{ articleId, text: '太长', anchor: { paragraph: 0, start: 0, end: 500, quote: 'x' } }, '只有'],
      [{ articleId, parentId: reply.id, text: '再回复' }, '不能回复回复'],
      [{ articleId: other.id, parentId: root.id, text: '串了' }, '不属于这篇稿件'],
      [{ articleId, parentId: root.id, text: '带位置的回复', anchor: { paragraph: 0, start: 0, end: 2, quote: '全市' } }, '沿用原评论的位置'],
    ] as const;
    for (const [input, message] of cases) {
      const response = await c['editor']!.raw('comments.add', input);
      expect(response.ok ? null : response.error.message).toContain(message);
    }
    expect((await count(desk.sql, 'SELECT count(*) AS n FROM comments'))).toBe(before);
  });
});

describe('the audit trail', () => {
  it('filters by user, action, target and date, and exports CSV that is itself audited', async () => {
    const { version } = await c['reporter']!.call('articles.get', { id: articleId });
    await c['reporter']!.call('workflow.transition', { articleId, action: 'submit', baseVersion: version });
    await c['editor']!.call('workflow.transition', { articleId, action: 'return', baseVersion: version + 1, reason: '=SUM(A1) 请改' });

    const byEditor = await c['chief']!.call('audit.list', { userId: (await userId(desk.sql, 'editor')), action: 'workflow.*' });
    expect(byEditor.items.map((i) => i.action)).toEqual(['workflow.transition']);
    expect(byEditor.items[0]).toMatchObject({ userName: '王海燕', actionLabel: '流程操作', targetLabel: '江城电子信息产业规模首破千亿元' });

    const logins = await c['chief']!.call('audit.list', { action: 'auth.login' });
    expect(logins.total).toBeGreaterThanOrEqual(5);
    expect(logins.items.every((i) => i.action === 'auth.login')).toBe(true);

    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect((await c['chief']!.call('audit.list', { targetId: articleId, since: day, until: day })).total).toBe(2);
    expect((await c['chief']!.call('audit.list', { targetId: articleId, until: '2000-01-01' })).total).toBe(0);
    const backwards = await c['chief']!.raw('audit.list', { since: '2024-05-02', until: '2024-05-01' });
    expect(backwards.ok ? null : backwards.error.message).toContain('起始日期不能晚于截止日期');

    const exportsBefore = (await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'audit.export'"));
    const exported = await c['chief']!.call('audit.exportCsv', { targetId: articleId });
    expect(exported.rows).toBe(2);
    expect(exported.fileName).toMatch(/^审计记录-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = exported.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('时间,用户,操作,操作代码,对象类型,对象编号,对象,详情');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('王海燕,流程操作,workflow.transition,article');
    expect(lines[1]).toContain(`""reason"":""=SUM(A1) 请改""`);
    expect((await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'audit.export'"))).toBe(exportsBefore + 1);
    const audited = (await desk.sql.get("SELECT user_id, details FROM audit_log WHERE action = 'audit.export' ORDER BY at DESC LIMIT 1")) as { user_id: string; details: string };
    expect(audited.user_id).toBe((await userId(desk.sql, 'chief')));
    expect(JSON.parse(audited.details)).toEqual({ rows: 2, filter: { targetId: articleId } });
  });
});
