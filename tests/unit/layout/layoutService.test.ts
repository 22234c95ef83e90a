import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';
import { fitBoard } from '../../../shared/layout/boardFit';
import type { EditionBoard } from '../../../shared/layout/board';

let harness: Harness;
let layout: Client;
let chief: Client;
let date: string;

async function board(): Promise<EditionBoard> {
  return layout.call('layout.board', { date });
}

function fitOf(b: EditionBoard) {
  return fitBoard({ pages: b.pages, templates: new Map(b.templates.map((t) => [t.id, t.spec])), stories: new Map(b.stories.map((s) => [s.id, s])) });
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  layout = await harness.as('layout');
  chief = await harness.as('chief');
  date = (await layout.call('layout.editions', {}))[0]!.date;
});
afterAll(() => harness.close());

describe('the demo edition is laid out', () => {
  it('page 1 is a full front page: masthead, 报眼, lead with photo, a jump to page 4, 本报讯 items, short items, 导读, every story approved', async () => {
    const b = await board();
    const [p1, , , p4] = b.pages;
    expect(b.pages.map((p) => p.name)).toEqual(['要闻', '综合', '经济', '文体']);
    const kinds = p1!.slots.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'article')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'masthead' || k === 'ear' || k === 'teaser').sort()).toEqual(['ear', 'masthead', 'teaser']);
    expect(p1!.slots.some((s) => s.photoId)).toBe(true);
    const fit = fitOf(b);
    const jumpOut = [...fit.slots.values()].find((f) => f.jumpOut);
    expect(jumpOut?.jumpOut).toBe('（下转4版）');
    const jumpIn = [...fit.slots.values()].find((f) => f.jumpIn);
    expect(jumpIn?.jumpIn).toBe('（上接1版）');
    expect(jumpIn?.pageId).toBe(p4!.id);
    expect(fit.jumps).toEqual([]);
    const onPage = p1!.slots.flatMap((s) => (s.articleId ? [fit.slots.get(s.id)!] : []));
    expect(onPage.filter((f) => f.pending)).toEqual([]);
    expect(onPage.filter((f) => f.fit.status === 'over' && !f.jumpOut)).toEqual([]);
    // No empty half page: the slots cover the whole type area.
    const template = b.templates.find((t) => t.id === p1!.templateId)!.spec;
    const covered = p1!.slots.reduce((n, s) => n + s.columns * s.lines, 0);
    expect(covered).toBe(template.columns * template.linesPerColumn);
    // Every face found, every headline fits its slot, nothing overset, the photo at print resolution.
    expect((await layout.call('layout.proof', { pageId: p1!.id })).warnings).toEqual([]);
  });
});

describe('page templates', () => {
  it('the administrator edits a template; a grid wider than the type area is refused with the reason; others may not', async () => {
    const admin = await harness.as('admin');
    const [row] = (await admin.call('layout.templates', {})).filter((t) => t.spec.format === '四开');
    const wide = await admin.raw('layout.saveTemplate', { templateId: row!.id, baseVersion: row!.version, spec: { ...row!.spec, id: undefined, charsPerColumn: 20 } });
    expect(wide.ok || wide.error.message).toContain('超出版心宽度');
    const saved = await admin.call('layout.saveTemplate', { templateId: row!.id, baseVersion: row!.version, spec: { ...row!.spec, id: undefined, linesPerColumn: 80, jumpStyle: 'chinese' } });
    expect(saved.spec.linesPerColumn).toBe(80);
    expect(saved.version).toBe(row!.version + 1);
    const refused = await layout.raw('layout.saveTemplate', { spec: { ...row!.spec, id: undefined, name: '新模板' } });
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
  });
});

describe('the editor\'s target', () => {
  it('lists a story\'s slots with capacity and over/under; resizing the slot changes them', async () => {
    const b = await board();
    const slot = b.pages[0]!.slots.find((s) => s.kind === 'article' && s.columns === 2)!;
    const [before] = await layout.call('layout.articleSlots', { articleId: slot.articleId! });
    expect(before).toMatchObject({ pageNumber: 1, slotId: slot.id, continued: false });
    await layout.call('layout.updateSlot', { slotId: slot.id, baseVersion: slot.version, col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines - 2 });
    const [after] = await layout.call('layout.articleSlots', { articleId: slot.articleId! });
    expect(after!.capacityChars).toBe(before!.capacityChars - 2 * 2 * 13);
    await layout.call('layout.updateSlot', { slotId: slot.id, baseVersion: slot.version + 1, col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines });
  });
});

describe('slots', () => {
  it('refuses a slot outside the type area, overlapping another, or of zero size, with the reason and nothing written', async () => {
    const b = await board();
    const page = b.pages[1]!;
    const story = b.stories.find((s) => s.headline.startsWith('青石巷'))!;
    const base = { pageId: page.id, kind: 'article' as const, articleId: story.id };
    const outside = await layout.raw('layout.addSlot', { ...base, col: 6, line: 0, columns: 4, lines: 20 });
    expect(outside.ok || outside.error.message).toContain('超出版心');
    const zero = await layout.raw('layout.addSlot', { ...base, col: 0, line: 0, columns: 0, lines: 20 });
    expect(zero.ok || zero.error.message).toContain('至少要 1 栏宽');
    await layout.call('layout.addSlot', { pageId: page.id, kind: 'ad', col: 0, line: 100, columns: 4, lines: 23, label: '广告甲' });
    const overlap = await layout.raw('layout.addSlot', { ...base, col: 2, line: 90, columns: 3, lines: 20 });
    expect(overlap.ok || overlap.error.message).toContain('与稿位“广告甲”');
    const ghost = await layout.raw('layout.addSlot', { pageId: page.id, kind: 'photo', photoId: '01935f6e-0000-7000-8000-0000000000ff', col: 4, line: 100, columns: 2, lines: 10 });
    expect(ghost.ok || ghost.error.message).toContain('找不到这张图片');
    expect((await board()).pages[1]!.slots).toHaveLength(1);
  });

  it('places a story that is not approved as pending; 签版 is then refused naming it', async () => {
    const b = await board();
    const page = b.pages[1]!;
    const story = b.stories.find((s) => s.headline.startsWith('青石巷'))!;
    expect(story.approvedRevisionId).toBeNull();
    await layout.call('layout.addSlot', { pageId: page.id, kind: 'article', articleId: story.id, col: 0, line: 0, columns: 4, lines: 60 });
    const fit = fitOf(await board());
    const slot = [...fit.slots.values()].find((f) => f.pageId === page.id)!;
    expect(slot.pending).toBe(true);
    const refused = await chief.raw('layout.signPage', { pageId: page.id });
    expect(refused.ok || refused.error.message).toContain('《青石巷里的新日子》还没有签发');
  });

  it('only the chief editor signs a page', async () => {
    const page = (await board()).pages[0]!;
    const refused = await layout.raw('layout.signPage', { pageId: page.id });
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
  });
});

describe('the board follows the desk', () => {
  it('editing a placed story\'s text changes its copy-fit and voids its approval (pending); layout changes are announced', async () => {
    const events: string[] = [];
    const off = harness.core.subscribe((e) => events.push(e.type));
    const before = await board();
    const storyId = before.pages[0]!.slots.find((s) => s.kind === 'article' && s.photoId)!.articleId!;
    const story = before.stories.find((s) => s.id === storyId)!;
    expect(story.approvedRevisionId).not.toBeNull();
    const article = await chief.call('articles.get', { id: storyId });
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: '新增一段：地铁开通首日客流平稳。' }] };
    await chief.call('articles.update', { id: storyId, baseVersion: article.version, patch: { body: { ...article.body, content: [...(article.body.content ?? []), paragraph] } }, reason: 'save' });
    const after = (await board()).stories.find((s) => s.id === storyId)!;
    expect(after.paragraphCells).toHaveLength(story.paragraphCells.length + 1);
    expect(after.approvedRevisionId).toBeNull();
    const page = before.pages[2]!;
    await layout.call('layout.updatePage', { pageId: page.id, status: 'ready' });
    off();
    expect(events).toContain('article.changed');
    expect(events).toContain('layout.changed');
  });
});

describe('jumps follow page moves', () => {
  it('moving page 4 to page 3 renumbers and both jump lines follow', async () => {
    const before = await board();
    const p4 = before.pages[3]!;
    await layout.call('layout.movePage', { pageId: p4.id, number: 3 });
    const after = await board();
    expect(after.pages[2]!.id).toBe(p4.id);
    const fit = fitOf(after);
    expect([...fit.slots.values()].find((f) => f.jumpOut)?.jumpOut).toBe('（下转3版）');
    expect([...fit.slots.values()].find((f) => f.jumpIn)?.jumpIn).toBe('（上接1版）');
    await layout.call('layout.movePage', { pageId: p4.id, number: 4 });
  });

  it('a continued part whose source slot is deleted is reported as a broken jump', async () => {
    const b = await board();
    const source = b.pages[0]!.slots.find((s) => b.pages[3]!.slots.some((c) => c.continuesFrom === s.id))!;
    await layout.call('layout.removeSlot', { slotId: source.id });
    const fit = fitOf(await board());
    expect(fit.jumps.map((j) => j.message).join()).toContain('找不到转出稿位');
  });
});

describe('pages', () => {
  it('deleting a page with slots asks first and returns its stories to the budget', async () => {
    const b = await board();
    const page = b.pages[1]!;
    const first = await layout.raw('layout.removePage', { pageId: page.id });
    expect(first.ok || first.error.code).toBe('CONFLICT');
    const { returnedArticleIds } = await layout.call('layout.removePage', { pageId: page.id, confirm: true });
    expect(returnedArticleIds.length).toBeGreaterThan(0);
    const after = await board();
    expect(after.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(after.stories.some((s) => s.id === returnedArticleIds[0])).toBe(true);
  });
});

describe('签版 and the proof', () => {
  it('the demo’s page 1 is not ready to sign: its story slots are short of text, the 校对 has not read it', async () => {
    const page = (await board()).pages[0]!;
    const refused = await chief.raw('layout.signPage', { pageId: page.id });
    expect(refused.ok ? null : refused.error.message).toMatch(/^第 1 版还不能签版：.*《[^》]+》缺 \d+ 行/);
    expect(refused.ok ? null : refused.error.message).toContain('校对还没有签字：一校还没有完成');
    expect((await board()).pages[0]!.status).not.toBe('signed');
  });

  it('refuses 签版 while a placed story has an open house-style error, until a reviewer lets it through with a reason', async () => {
    const admin = await harness.as('admin');
    // A rule the paper adds after the stories were signed off: page 4's marathon story now holds an error.
    await admin.call('proofreading.importCsv', { kind: 'confusable', csv: 'wrong,right\n欢乐跑,健康跑\n', mode: 'append' });
    const sports = (b: EditionBoard) => b.pages.find((p) => p.name === '文体')!;
    // The continuation lost its source slot in an earlier test; only the style error should stand in the way.
    for (const slot of sports(await board()).slots.filter((s) => s.continuesFrom)) await layout.call('layout.removeSlot', { slotId: slot.id });
    const page = sports(await board());
    const refused = await chief.raw('layout.signPage', { pageId: page.id });
    expect(refused.ok || refused.error.message).toMatch(/《江城马拉松12月1日鸣枪开跑》还有 \d+ 处校对错误未改/);
    expect(sports(await board()).status).not.toBe('signed');

    const marathon = (await board()).stories.find((s) => s.headline === '江城马拉松12月1日鸣枪开跑')!;
    const report = await chief.call('proofreading.checkArticle', { articleId: marathon.id });
    await chief.call('proofreading.override', { articleId: marathon.id, findingsDigest: report.errorsDigest!, reason: '赛事官方名称如此' });
    // Let through: the page still waits for its own checks, but no longer for the style error.
    const again = await chief.raw('layout.signPage', { pageId: page.id });
    expect(again.ok ? null : again.error.message).not.toContain('校对错误');
  });

  it('exports a proof PDF whose Chinese text pdftotext reads back', async () => {
    const page = (await board()).pages[0]!;
    const proof = await layout.call('layout.proof', { pageId: page.id });
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(proof.dataBase64, 'base64') }).toString('utf8');
    expect(text).toContain('江滨公园银杏进入最佳观赏期');
    expect(text).toContain('第1版');
    const admin = await harness.as('admin');
    const { items } = await admin.call('audit.list', { targetId: page.id, action: 'layout.proof' });
    expect(items.map((r) => [r.actionLabel, r.details['fileName']])).toContainEqual(['导出大样', proof.fileName]);
    expect(items.every((r) => r.actionLabel === '导出大样')).toBe(true);
  });

  it('sets a photo slot’s photo with its printed caption and credit in the proof, and refuses a photo that does not exist', async () => {
    const page = (await board()).pages.find((p) => p.name === '经济')!;
    const [photo] = (await layout.call('photos.list', { query: '试乘' })).items;
    const missing = await layout.raw('layout.addSlot', { pageId: page.id, kind: 'photo', col: 0, line: 60, columns: 4, lines: 40, photoId: '0190a0b0-0000-7000-8000-0000000000ff' });
    expect(missing.ok || missing.error.message).toContain('找不到这张图片');
    await layout.call('layout.addSlot', { pageId: page.id, kind: 'photo', col: 0, line: 60, columns: 4, lines: 40, photoId: photo!.id });
    const proof = await layout.call('layout.proof', { pageId: page.id });
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(proof.dataBase64, 'base64') }).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('试乘体验');
    expect(text).toContain('本报记者陈光摄');
  });

  it('exports the page plan as JSON with slot geometry', async () => {
    const page = (await board()).pages[0]!;
    const plan = await layout.call('layout.pagePlan', { pageId: page.id });
    expect(plan.format).toBe('newsroom.page-plan');
    expect(plan.slots.find((s) => s.kind === 'masthead')?.grid).toEqual({ col: 0, line: 0, columns: 6, lines: 22, textColumns: 6 });
  });
});

describe('the front page proof', () => {
  const pdfText = (base64: string) => execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(base64, 'base64') }).toString('utf8').replace(/\s+/g, '');

  it('prints the masthead the administrator set, with the date, 星期, 农历, 总第N期 and 今日N版, and the 导读', async () => {
    const admin = await harness.as('admin');
    await admin.call('paper.updateMasthead', { nameText: '江城日报', supervisor: '中共江城市委', sponsor: '江城日报社', cnNumber: 'CN 42-0099', postalCode: '37-99', website: '', lunarDate: true });
    const b = await board();
    const page = b.pages[0]!;
    const proof = await layout.call('layout.proof', { pageId: page.id });
    const text = pdfText(proof.dataBase64);
    expect(text).toContain('CN42-0099');
    expect(text).toContain('国内统一连续出版物号');
    expect(text).toContain('邮发代号');
    expect(text).toContain('37-99');
    expect(text).toContain('中共江城市委主管');
    expect(text).toContain('江城日报社主办');
    expect(text).toMatch(/星期[一二三四五六日]/);
    expect(text).toMatch(/农历[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年/);
    expect(text).toContain(`总第${b.edition.issueNumber}期`);
    expect(text).toContain(`今日${b.pages.length}版`);
    expect(text).toContain('导读');
    expect(text).toMatch(/详见[234]版/);
    // Earlier tests edited and removed stories of this page; only the faces must have been found.
    expect(proof.warnings.filter((w) => w.includes('没有找到'))).toEqual([]);
  });

  it('embeds the template\'s faces as subsets: 书宋 body, 标宋 主题, 楷体 引题, 黑体 电头', async () => {
    const page = (await board()).pages[0]!;
    const proof = await layout.call('layout.proof', { pageId: page.id });
    const fonts = execFileSync('pdffonts', ['-'], { input: Buffer.from(proof.dataBase64, 'base64') }).toString('utf8');
    for (const name of ['NotoSerifCJKsc-Regular', 'NotoSerifCJKsc-Black', 'UKaiCN', 'NotoSansCJKsc-Medium']) {
      expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${name}\\s+CID Type 0C|[A-Z]{6}\\+${name}\\s+CID TrueType`));
    }
    expect(fonts.split('\n').filter((l) => /\+/.test(l)).every((l) => /\byes\s+yes\s+yes\b/.test(l))).toBe(true);
  });

  it('a grey proof turns the photos grey; the colour proof keeps them in colour', async () => {
    const page = (await board()).pages.find((p) => p.slots.some((s) => s.photoId))!;
    const colourSpaces = (base64: string) =>
      execFileSync('pdfimages', ['-list', '-'], { input: Buffer.from(base64, 'base64') })
        .toString('utf8')
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '')
        .map((l) => l.trim().split(/\s+/)[5]);
    const colour = await layout.call('layout.proof', { pageId: page.id, grey: false });
    const grey = await layout.call('layout.proof', { pageId: page.id, grey: true });
    expect(colourSpaces(colour.dataBase64)).toContain('rgb');
    expect(colourSpaces(grey.dataBase64).length).toBeGreaterThan(0);
    expect(colourSpaces(grey.dataBase64).every((c) => c === 'gray')).toBe(true);
    expect(grey.fileName).toContain('黑白');
  });
});
