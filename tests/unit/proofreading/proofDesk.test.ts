import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/core/store/store';
import { openHarness, openTestSql, type Harness } from '../../support/coreHarness';
import { approvedStory, fullPage, paragraphs, type Desk } from '../layout/pressDesk';
import type { ProofSheet } from '../../../shared/proofreading/proofDesk';

let harness: Harness;
let desk: Desk;
let db: Store;

const BODY = [
  '记者从市商务局获悉，今年前三季度，全市社会消费品零售总额同比增长6.8%，高于全省平均水平。',
  '其中，餐饮收入增长11.2%，新能源汽车零售量增长44.6%，“以旧换新”带动家电销售明显回暖。',
  '市商务局有关负责人表示，四季度将继续举办促消费活动，推动夜间经济和县域商业发展。',
];

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  const as = (u: string) => harness.as(u);
  desk = { reporter: await as('reporter'), editor: await as('editor'), sectionhead: await as('sectionhead'), chief: await as('chief'), layout: await as('layout'), proofreader: await as('proofreader') };
  db = openTestSql(harness.location);
});
afterAll(async () => {
  await db.close();
  await harness.close();
});

/** The body runs of one story, in order, as the proof sets them. */
const bodyRuns = (sheet: ProofSheet, articleId: string) => sheet.runs.filter((r) => r.source?.articleId === articleId && r.source.field === 'body');

async function signAgain(articleId: string): Promise<void> {
  const { version } = await desk.chief.call('articles.get', { id: articleId });
  await desk.chief.call('workflow.opened', { articleId, version });
  await desk.chief.call('workflow.transition', { articleId, action: 'sign', baseVersion: version });
}

describe('校对 on the 大样', () => {
  it('sets the proof on screen line by line, each line knowing the characters of the story it prints', async () => {
    const storyId = await approvedStory(desk, '前三季度消费市场稳中有升', ...BODY);
    const { page } = await fullPage(desk.layout, '2031-04-01', storyId);
    const sheet = await desk.proofreader.call('proofreading.proofSheet', { pageId: page.id });
    expect(sheet.page).toMatchObject({ number: 1, name: '经济', editionDate: '2031-04-01' });
    expect(sheet.runs.find((r) => r.source?.field === 'headline')?.text).toBe('前三季度消费市场稳中有升');
    const runs = bodyRuns(sheet, storyId);
    expect(runs.length).toBeGreaterThan(BODY.length);
    for (const run of runs) expect(BODY[run.source!.paragraph]!.slice(run.source!.start, run.source!.start + run.text.length)).toBe(run.text);
    expect(runs.map((r) => r.text).join('')).toBe(BODY.join(''));
    const slot = sheet.slots.find((s) => s.articleId === storyId)!;
    for (const run of runs) {
      expect(run.x).toBeGreaterThanOrEqual(slot.x - 0.01);
      expect(run.y).toBeGreaterThanOrEqual(slot.y - 0.01);
      expect(run.y).toBeLessThan(slot.y + slot.height);
    }
    expect(sheet.status).toMatchObject({ currentRound: 1, signedOff: false });
  });

  it('walks a page through 一校 to 通读: a mark pinned on the proof, fixed by the desk, checked off by the proofreader; 签版 waits for the 校对’s sign-off on the page as it stands', async () => {
    const storyId = await approvedStory(desk, '新能源汽车消费持续升温', ...BODY);
    const { page } = await fullPage(desk.layout, '2031-04-02', storyId);
    const slot = page.slots.find((s) => s.articleId === storyId)!;
    const queue = await desk.proofreader.call('workflow.myQueue', {});
    expect(queue.pages.find((p) => p.pageId === page.id)).toMatchObject({ why: 'proof', number: 1, proof: { currentRound: 1 } });

    const at = BODY[1]!.indexOf('44.6%');
    const mark = { pageId: page.id, slotId: slot.id, articleId: storyId, field: 'body' as const, paragraph: 1, start: at, end: at + 5, quote: '44.6%' };
    const misplaced = await desk.proofreader.raw('proofreading.addMark', { ...mark, quote: '46.4%' });
    expect(misplaced.ok ? null : misplaced.error.message).toContain('大样上这个位置现在不是“46.4%”');
    const byEditor = await desk.editor.raw('proofreading.addMark', mark);
    expect(byEditor.ok ? null : byEditor.error.code).toBe('FORBIDDEN');
    const pinned = await desk.proofreader.call('proofreading.addMark', { ...mark, correction: '46.4%', note: '与市统计局通报核对' });
    expect(pinned).toMatchObject({ round: 1, status: 'open', headline: '新能源汽车消费持续升温', createdByName: '郑秀兰', correction: '46.4%' });
    expect(await desk.editor.call('proofreading.storyMarks', { articleId: storyId })).toEqual([pinned]);

    const unsigned = await desk.chief.raw('layout.signPage', { pageId: page.id });
    expect(unsigned.ok ? null : unsigned.error.message).toContain('还有 1 处校对意见没有核销（1 处待改，0 处待校对核对）');

    // Rounds run in order; 通读 cannot be signed with a mark still standing.
    const early = await desk.proofreader.raw('proofreading.finishRound', { pageId: page.id, round: 4 });
    expect(early.ok ? null : early.error.message).toContain('现在是一校，不是通读');
    for (const round of [1, 2, 3] as const) expect((await desk.proofreader.call('proofreading.finishRound', { pageId: page.id, round })).currentRound).toBe(round + 1);
    const blocked = await desk.proofreader.raw('proofreading.finishRound', { pageId: page.id, round: 4 });
    expect(blocked.ok ? null : blocked.error.message).toContain('通读不能签字');

    // The desk fixes the text (the edit reopens the 签发), says so; the chief signs it again.
    const notTheirs = await desk.proofreader.raw('proofreading.setMark', { markId: pinned.id, status: 'fixed', baseVersion: pinned.version });
    expect(notTheirs.ok ? null : notTheirs.error.code).toBe('FORBIDDEN');
    const story = await desk.editor.call('articles.get', { id: storyId });
    const fixedText = BODY.map((p) => p.replace('44.6%', '46.4%'));
    await desk.editor.call('articles.update', { id: storyId, baseVersion: story.version, patch: { body: paragraphs(...fixedText) } });
    const fixed = await desk.editor.call('proofreading.setMark', { markId: pinned.id, status: 'fixed', baseVersion: pinned.version });
    expect(fixed).toMatchObject({ status: 'fixed', fixedByName: '王海燕' });
    const editorChecks = await desk.editor.raw('proofreading.setMark', { markId: pinned.id, status: 'checked', baseVersion: fixed.version });
    expect(editorChecks.ok ? null : editorChecks.error.code).toBe('FORBIDDEN');
    await signAgain(storyId);

    // The proofreader sees the fix on the proof, checks it off and signs 通读.
    const after = await desk.proofreader.call('proofreading.proofSheet', { pageId: page.id });
    expect(bodyRuns(after, storyId).map((r) => r.text).join('')).toContain('新能源汽车零售量增长46.4%');
    await desk.proofreader.call('proofreading.setMark', { markId: pinned.id, status: 'checked', baseVersion: fixed.version });
    const signedOff = await desk.proofreader.call('proofreading.finishRound', { pageId: page.id, round: 4 });
    expect(signedOff).toMatchObject({ signedOff: true, currentRound: null, open: 0, fixed: 0 });
    expect(signedOff.rounds.map((r) => [r.round, r.userName])).toEqual([1, 2, 3, 4].map((r) => [r, '郑秀兰']));
    expect((await desk.proofreader.call('workflow.myQueue', {})).pages.map((p) => p.pageId)).not.toContain(page.id);
    expect((await desk.chief.call('workflow.myQueue', {})).pages.find((p) => p.pageId === page.id)?.why).toBe('sign');

    const signed = await desk.chief.call('layout.signPage', { pageId: page.id });
    expect(signed.page.status).toBe('signed');
    expect((await desk.chief.call('workflow.myQueue', {})).pages.find((p) => p.pageId === page.id)?.why).toBe('print');
    const locked = await desk.proofreader.raw('proofreading.addMark', { ...mark, quote: '46.4%' });
    expect(locked.ok ? null : locked.error.message).toContain('已签版');
    const audit = await db.all<{ action: string }>("SELECT action FROM audit_log WHERE target_id = ? AND action LIKE 'proof.%' ORDER BY at, id", [page.id]);
    expect(audit.map((a) => a.action)).toEqual(['proof.mark', 'proof.round', 'proof.round', 'proof.round', 'proof.mark_status', 'proof.mark_status', 'proof.round']);
  });

  it('asks the 校对 to read the page again when it changed after 通读', async () => {
    const storyId = await approvedStory(desk, '县域商业体系建设提速', ...BODY);
    const { page } = await fullPage(desk.layout, '2031-04-03', storyId);
    for (const round of [1, 2, 3, 4] as const) await desk.proofreader.call('proofreading.finishRound', { pageId: page.id, round });
    const story = await desk.editor.call('articles.get', { id: storyId });
    await desk.editor.call('articles.update', { id: storyId, baseVersion: story.version, patch: { headline: '县域商业体系建设全面提速' } });
    await signAgain(storyId);
    const stale = await desk.chief.raw('layout.signPage', { pageId: page.id });
    expect(stale.ok ? null : stale.error.message).toContain('校对签字之后版面又有改动，请校对重新通读签字');
    const again = await desk.proofreader.call('proofreading.finishRound', { pageId: page.id, round: 4 });
    expect(again).toMatchObject({ signedOff: true, stale: false });
  });
});
