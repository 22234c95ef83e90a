import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';
import type { EditionBoard } from '../../../shared/layout/board';

let harness: Harness;
let layout: Client;
let chief: Client;
let date: string;
/** 江城马拉松: approved, taken off page 4 and its 见报日期 cleared by the chief. */
let marathonId: string;

async function board(): Promise<EditionBoard> {
  return layout.call('layout.board', { date });
}

async function signOff(articleId: string): Promise<string | null> {
  return (await board()).stories.find((s) => s.id === articleId)?.approvedRevisionId ?? null;
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  layout = await harness.as('layout');
  chief = await harness.as('chief');
  date = (await layout.call('layout.editions', {}))[0]!.date;
  const b = await board();
  const slot = b.pages[3]!.slots.find((s) => s.articleId && b.stories.find((st) => st.id === s.articleId)!.headline === '江城马拉松12月1日鸣枪开跑')!;
  marathonId = slot.articleId!;
  await layout.call('layout.removeSlot', { slotId: slot.id });
  const story = await chief.call('articles.get', { id: marathonId });
  await chief.call('articles.update', { id: marathonId, baseVersion: story.version, patch: { editionDate: null, page: null }, reason: 'save' });
});
afterAll(() => harness.close());

describe('the 稿库', () => {
  it('shows every approved story waiting for a page: one without 见报日期 and one planned for another day too', async () => {
    const cleared = await chief.call('articles.get', { id: marathonId });
    expect(cleared).toMatchObject({ status: 'approved', editionDate: null });
    const budget = (await board()).stories;
    expect(budget.find((s) => s.id === marathonId)).toMatchObject({ plannedDate: null, approvedRevisionId: expect.any(String) });

    const tomorrow = await chief.call('articles.create', { headline: '明日见报的稿件', editionDate: '2031-05-06' });
    expect((await board()).stories.some((s) => s.id === tomorrow.id)).toBe(false);
  });
});

describe('上版 from the editor', () => {
  it('puts an approved story without 见报日期 into a new slot on the chosen page, sized to its text; its 签发 stands and its 见报日期 and 版次 follow the page', async () => {
    const approvedBefore = await signOff(marathonId);
    const page = (await board()).pages[1]!;
    const { slot, article } = await layout.call('layout.placeStory', { articleId: marathonId, date, pageId: page.id });
    expect(slot).toMatchObject({ pageId: page.id, articleId: marathonId, kind: 'article', columns: 3 });
    expect(article).toMatchObject({ status: 'placed', editionDate: date, page: page.number });
    expect(await signOff(marathonId)).toBe(approvedBefore);
    const after = await board();
    expect(after.pages[1]!.slots.some((s) => s.id === slot.id)).toBe(true);
    const revisions = await chief.call('revisions.list', { articleId: marathonId });
    expect(revisions.find((r) => r.articleVersion === article.version - 1)?.reason).toBe('schedule');
  });

  it('fills an empty 预留 slot the layout editor chose, in its place and size; a slot that holds something else is refused with the reason', async () => {
    const page = (await board()).pages[2]!;
    const reserved = await layout.call('layout.addSlot', { pageId: page.id, kind: 'reserved', col: 5, line: 60, columns: 3, lines: 50, label: '预留' });
    const ad = await layout.call('layout.addSlot', { pageId: page.id, kind: 'ad', col: 0, line: 110, columns: 2, lines: 10, label: '广告' });
    const story = (await board()).stories.find((s) => s.headline === '江滨公园银杏进入最佳观赏期')!;
    const p1Slot = (await board()).pages[0]!.slots.find((s) => s.articleId === story.id)!;
    await layout.call('layout.removeSlot', { slotId: p1Slot.id });

    const refused = await layout.raw('layout.placeStory', { articleId: story.id, date, pageId: page.id, slotId: ad.id });
    expect(refused.ok || refused.error.message).toContain('稿件只能放进空的预留稿位');
    const { slot } = await layout.call('layout.placeStory', { articleId: story.id, date, pageId: page.id, slotId: reserved.id });
    expect(slot).toMatchObject({ col: 5, line: 60, columns: 3, lines: 50, articleId: story.id });
    const slots = (await board()).pages[2]!.slots;
    expect(slots.some((s) => s.id === reserved.id)).toBe(false);
    expect((await chief.call('articles.get', { id: story.id })).page).toBe(page.number);
  });

  it('refuses a story already on a page, a page of another edition, and the bare 上版 step that puts a story on no page', async () => {
    const b = await board();
    const placed = b.pages[0]!.slots.find((s) => s.kind === 'article' && s.articleId)!;
    const twice = await layout.raw('layout.placeStory', { articleId: placed.articleId!, date, pageId: b.pages[2]!.id });
    expect(twice.ok || twice.error.message).toContain('已经在版上');

    const other = await layout.call('layout.createEdition', { date: '2031-01-02', issueNumber: 20000, copyFrom: date });
    const wrongDate = await layout.raw('layout.placeStory', { articleId: placed.articleId!, date: other.date, pageId: b.pages[2]!.id });
    expect(wrongDate.ok || wrongDate.error.message).toContain('所选的版面不在 2031-01-02 这一期');

    const lead = b.pages[0]!.slots.find((s) => s.photoId)!;
    await layout.call('layout.removeSlot', { slotId: lead.id });
    const story = await chief.call('articles.get', { id: lead.articleId! });
    expect(story.status).toBe('approved');
    const bare = await layout.raw('workflow.transition', { articleId: story.id, action: 'place', baseVersion: story.version });
    expect(bare.ok || bare.error.message).toContain('还没有放到版面上');
  });
});
