import { describe, expect, it } from 'vitest';
import { count, storyIn, useDemoDesk, userId } from './support';

const desk = useDemoDesk(['reporter', 'editor', 'editor2', 'sectionhead', 'chief']);
const { c, events } = desk;

const lockRows = (articleId: string) => desk.sql.all('SELECT part, user_id FROM article_locks WHERE article_id = ? ORDER BY part', [articleId]);

async function step(who: string, articleId: string, action: string) {
  const { version } = await c[who]!.call('articles.get', { id: articleId });
  await c[who]!.call('workflow.opened', { articleId, version });
  return c[who]!.call('workflow.transition', { articleId, action: action as never, baseVersion: version });
}

describe('handing copy on frees the locks of whoever handed it', () => {
  it('交稿 frees the reporter’s headline and body, says so to every window, and the editor edits at once', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'draft');
    await c['reporter']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    await c['reporter']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    const mark = events.length;
    await step('reporter', story.id, 'submit');
    expect(await lockRows(story.id)).toEqual([]);
    const freed = events.slice(mark).filter((e) => e.type === 'lock.changed');
    expect(freed.map((e) => e.type === 'lock.changed' && [e.part, e.holderId, e.previousHolderId, e.forced])).toEqual([
      ['body', null, await userId(desk.sql, 'reporter'), false],
      ['headline', null, await userId(desk.sql, 'reporter'), false],
    ]);
    expect(await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'lock.release' AND target_id = ? AND details LIKE '%handed-on%'", story.id)).toBe(2);
    expect(await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'body' })).toMatchObject({ userName: '王海燕', handedOver: false });
  });

  it('通过初审 frees the editor’s locks for the section head; a colleague’s lock from before waits for a take-over', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await c['editor']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    await c['editor2']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    await step('editor', story.id, 'pass1');
    expect(await lockRows(story.id)).toEqual([{ part: 'headline', user_id: await userId(desk.sql, 'editor2') }]);
    expect(await c['sectionhead']!.call('locks.acquire', { articleId: story.id, part: 'body' })).toMatchObject({ userName: '陈建国' });

    const status = await c['sectionhead']!.call('locks.status', { articleId: story.id });
    expect(status.find((l) => l.part === 'headline')).toMatchObject({ userName: '孙立群', handedOver: true });
    const plain = await c['sectionhead']!.raw('locks.acquire', { articleId: story.id, part: 'headline' });
    expect(plain.ok ? null : plain.error).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('可以接手编辑') });
  });
});

describe('taking over copy handed to you', () => {
  it('lets the one the story waits for take a part locked before the hand-over, keeping the holder’s text and telling them', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await c['editor2']!.call('locks.acquire', { articleId: story.id, part: 'headline' });
    await c['editor2']!.call('articles.update', { id: story.id, baseVersion: story.version, patch: { headline: '孙立群改的标题' }, reason: 'autosave' });
    await step('editor', story.id, 'pass1');

    // Not handed to 王海燕 any more (it waits for 复审): she may only ask.
    const notHers = await c['editor']!.raw('locks.acquire', { articleId: story.id, part: 'headline', takeOver: true });
    expect(notHers.ok ? null : notHers.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不在您手上') });

    const mark = events.length;
    expect(await c['sectionhead']!.call('locks.acquire', { articleId: story.id, part: 'headline', takeOver: true })).toMatchObject({ userName: '陈建国' });
    expect(await lockRows(story.id)).toEqual([{ part: 'headline', user_id: await userId(desk.sql, 'sectionhead') }]);
    const pushed = events.slice(mark);
    expect(pushed).toContainEqual(expect.objectContaining({ type: 'lock.changed', part: 'headline', forced: true, previousHolderId: await userId(desk.sql, 'editor2') }));
    expect(pushed).toContainEqual(expect.objectContaining({ type: 'notification', userId: await userId(desk.sql, 'editor2'), title: expect.stringContaining('由其接手编辑') }));
    const kept = (await desk.sql.get<{ snapshot: string }>("SELECT snapshot FROM revisions WHERE article_id = ? AND reason = 'force-unlock'", [story.id]))!;
    expect(kept.snapshot).toContain('孙立群改的标题');
    expect(await count(desk.sql, "SELECT count(*) AS n FROM audit_log WHERE action = 'lock.takeover' AND target_id = ?", story.id)).toBe(1);
  });

  it('does not let anyone take a part locked after the story reached them', async () => {
    const story = await storyIn(c['reporter']!, desk.sql, 'submitted');
    await step('editor', story.id, 'pass1');
    await c['editor2']!.call('locks.acquire', { articleId: story.id, part: 'body' });
    const refused = await c['sectionhead']!.raw('locks.acquire', { articleId: story.id, part: 'body', takeOver: true });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('之后才开始编辑') });
    expect(await lockRows(story.id)).toEqual([{ part: 'body', user_id: await userId(desk.sql, 'editor2') }]);
  });
});
