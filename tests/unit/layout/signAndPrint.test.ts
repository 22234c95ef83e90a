import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/core/store/store';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { count } from '../workflow/support';
import { approvedStory, fitOf, fullPage, proofread, type Desk } from './pressDesk';

let harness: Harness;
let desk: Desk;
let admin: Client;
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
  admin = await as('admin');
  db = openTestSql(harness.location);
});
afterAll(async () => {
  await db.close();
  await harness.close();
});

const status = async (articleId: string) => (await db.get<{ status: string }>('SELECT status FROM articles WHERE id = ?', [articleId]))!.status;
const pageStatus = async (pageId: string) => (await db.get<{ status: string }>('SELECT status FROM pages WHERE id = ?', [pageId]))!.status;
const audits = (action: string, targetId: string) => db.all<{ details: string }>('SELECT details FROM audit_log WHERE action = ? AND target_id = ? ORDER BY at, id', [action, targetId]);

describe('签版 checks the page', () => {
  it('refuses a page with blank area, a slot 缺行 or 超行, or a story not yet 签发, naming each, and writes nothing', async () => {
    const storyId = await approvedStory(desk, '前三季度消费市场稳中有升', ...BODY);
    const { page } = await fullPage(desk.layout, '2031-03-01', storyId);
    const slot = page.slots.find((s) => s.kind === 'article')!;
    const ad = page.slots.find((s) => s.kind === 'ad')!;

    // Blank: the ad taken off leaves the lower page empty.
    await desk.layout.call('layout.removeSlot', { slotId: ad.id });
    // 缺行: the story's slot half as wide and 4 lines deeper (its headline takes two lines less across 3 columns).
    await desk.layout.call('layout.updateSlot', { slotId: slot.id, baseVersion: slot.version, col: slot.col, line: slot.line, columns: 3, lines: slot.lines + 4 });
    const draft = await desk.reporter.call('articles.create', { headline: '尚未签发的短讯', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '短讯正文。' }] }] } });
    // 超行: a slot too short for the headline and the text.
    await desk.layout.call('layout.addSlot', { pageId: page.id, kind: 'article', articleId: draft.id, col: 3, line: slot.line, columns: 3, lines: 3 });

    const refused = await desk.chief.raw('layout.signPage', { pageId: page.id });
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/^第 1 版还不能签版：/);
    expect(message).toMatch(/版面还有 \d+ 行（按单栏计）空着，占版心 [\d.]+%（本报上限 1%）/);
    expect(message).toMatch(/《前三季度消费市场稳中有升》缺 \d+ 行/);
    expect(message).toMatch(/《尚未签发的短讯》超 \d+ 行（约 \d+ 字）/);
    expect(message).toContain('《尚未签发的短讯》还没有签发');
    expect(message).toContain('校对还没有签字：一校还没有完成');
    expect(await pageStatus(page.id)).not.toBe('signed');
    expect(await status(storyId)).toBe('placed');
    expect(await count(db, 'SELECT count(*) AS n FROM page_signoffs WHERE page_id = ?', page.id)).toBe(0);
  });

  it('takes the paper’s own blank tolerance', async () => {
    const storyId = await approvedStory(desk, '江城新增三条公交线路', ...BODY);
    const { page } = await fullPage(desk.layout, '2031-03-02', storyId);
    const ad = page.slots.find((s) => s.kind === 'ad')!;
    await desk.layout.call('layout.updateSlot', { slotId: ad.id, baseVersion: ad.version, col: ad.col, line: ad.line, columns: ad.columns, lines: ad.lines - 4 });
    await proofread(desk, page.id);
    const strict = await desk.chief.raw('layout.signPage', { pageId: page.id });
    expect(strict.ok ? null : strict.error.message).toContain('本报上限 1%');
    await admin.call('admin.updateSettings', { pageBlankTolerancePercent: 5 });
    try {
      expect((await desk.chief.call('layout.signPage', { pageId: page.id })).page.status).toBe('signed');
    } finally {
      await admin.call('admin.updateSettings', { pageBlankTolerancePercent: 1 });
    }
  });
});

describe('a signed page is locked until the chief undoes the 签版', () => {
  it('refuses slot, page and story changes after 签版; 撤销签版 needs the chief and a reason, is audited, and opens the page again', async () => {
    const storyId = await approvedStory(desk, '江城港开通至东盟集装箱航线', ...BODY);
    const { page, board } = await fullPage(desk.layout, '2031-03-03', storyId);
    await proofread(desk, page.id);
    expect(fitOf(board).slots.get(page.slots.find((s) => s.kind === 'article')!.id)!.fit.status).toBe('fit');
    const signed = await desk.chief.call('layout.signPage', { pageId: page.id });
    expect(signed).toMatchObject({ page: { status: 'signed', signedByName: '黄志远' }, signedArticles: [storyId] });
    expect(await status(storyId)).toBe('page_signed');

    const slot = page.slots.find((s) => s.kind === 'article')!;
    const attempts = [
      desk.layout.raw('layout.updateSlot', { slotId: slot.id, baseVersion: slot.version, col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines - 1 }),
      desk.layout.raw('layout.removeSlot', { slotId: slot.id }),
      desk.layout.raw('layout.addSlot', { pageId: page.id, kind: 'reserved', col: 0, line: 0, columns: 1, lines: 1 }),
      desk.layout.raw('layout.updatePage', { pageId: page.id, pageName: '经济新闻' }),
      desk.layout.raw('layout.removePage', { pageId: page.id, confirm: true }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.ok ? null : response.error.message).toContain('第 1 版已签版，版面已锁定。如需修改，请值班总编先撤销签版');
    const article = await desk.chief.call('articles.get', { id: storyId });
    const edit = await desk.chief.raw('articles.update', { id: storyId, baseVersion: article.version, patch: { headline: '签版后改标题' } });
    expect(edit.ok ? null : edit.error.message).toContain('先撤销签版');

    expect((await desk.layout.raw('layout.unsignPage', { pageId: page.id, reason: '换头条' })).ok).toBe(false);
    const noReason = await desk.chief.raw('layout.unsignPage', { pageId: page.id, reason: ' ' });
    expect(noReason.ok ? null : noReason.error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const opened = await desk.chief.call('layout.unsignPage', { pageId: page.id, reason: '港口数据要更新' });
    expect(opened).toMatchObject({ status: 'ready', signedAt: null, changedSinceSign: false });
    expect(await status(storyId)).toBe('placed');
    expect((await audits('layout.page.unsign', page.id)).map((r) => JSON.parse(r.details).reason)).toEqual(['港口数据要更新']);
    expect(await db.get("SELECT superseded_reason FROM workflow_signoffs WHERE article_id = ? AND kind = 'page_sign'", [storyId])).toEqual({ superseded_reason: '撤销签版：港口数据要更新' });
    await desk.layout.call('layout.updatePage', { pageId: page.id, pageName: '经济新闻' });
  });
});

describe('付印 (传版)', () => {
  it('sends a signed page as the plant’s PDF named by the pattern, moves its stories to 已付印 and records it; nothing changes after', async () => {
    const storyId = await approvedStory(desk, '江城跨境电商交易额突破百亿元', ...BODY);
    const { page } = await fullPage(desk.layout, '2031-03-04', storyId);
    await proofread(desk, page.id);
    const early = await desk.chief.raw('layout.printPage', { pageId: page.id });
    expect(early.ok ? null : early.error.message).toContain('还没有签版');
    await desk.chief.call('layout.signPage', { pageId: page.id });
    expect((await desk.layout.raw('layout.printPage', { pageId: page.id })).ok).toBe(false);

    const sent = await desk.chief.call('layout.printPage', { pageId: page.id });
    expect(sent).toMatchObject({ fileName: '2031-03-04-01.pdf', savedTo: null, page: { status: 'printed' } });
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(sent.dataBase64!, 'base64') }).toString('utf8');
    expect(text).toContain('江城跨境电商交易额突破百亿元');
    expect(text).not.toContain('大样');
    expect(await status(storyId)).toBe('printed');
    expect(await pageStatus(page.id)).toBe('printed');
    expect((await audits('layout.page.print', page.id)).map((r) => JSON.parse(r.details).fileName)).toEqual(['2031-03-04-01.pdf']);
    expect(await db.get('SELECT action FROM workflow_history WHERE article_id = ? ORDER BY at DESC, id DESC LIMIT 1', [storyId])).toEqual({ action: 'print' });

    const again = await desk.chief.raw('layout.printPage', { pageId: page.id });
    expect(again.ok ? null : again.error.message).toContain('已经付印');
    const unsign = await desk.chief.raw('layout.unsignPage', { pageId: page.id, reason: '想改' });
    expect(unsign.ok ? null : unsign.error.message).toContain('已付印');
  });

  it('writes into the plant’s folder under the paper’s pattern, never over a file already there; a folder that cannot be written is refused when set', async () => {
    const badFolder = await admin.raw('admin.updateSettings', { printOutputDir: '/no/such/plant' });
    expect(badFolder.ok ? null : badFolder.error).toMatchObject({ code: 'VALIDATION', field: 'printOutputDir', message: expect.stringContaining('不存在或不能写入') });
    const badPattern = await admin.raw('admin.updateSettings', { printFileNamePattern: '{date}.pdf' });
    expect(badPattern.ok ? null : badPattern.error.message).toContain('必须含有版次');

    const plant = fs.mkdtempSync(path.join(os.tmpdir(), 'print-plant-'));
    await admin.call('admin.updateSettings', { printOutputDir: plant, printFileNamePattern: 'JCRB{yyyymmdd}A{page:02}.pdf' });
    try {
      const first = await approvedStory(desk, '江城新增两处口袋公园', ...BODY);
      const { page } = await fullPage(desk.layout, '2031-03-05', first);
      await proofread(desk, page.id);
      await desk.chief.call('layout.signPage', { pageId: page.id });
      const sent = await desk.chief.call('layout.printPage', { pageId: page.id });
      expect(sent).toMatchObject({ fileName: 'JCRB20310305A01.pdf', savedTo: path.join(plant, 'JCRB20310305A01.pdf'), dataBase64: null });
      expect(fs.readdirSync(plant)).toEqual(['JCRB20310305A01.pdf']);
      expect(fs.readFileSync(path.join(plant, 'JCRB20310305A01.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

      // A file of that name is already in the folder: nothing is sent or recorded.
      const second = await approvedStory(desk, '江城老旧小区改造提速', ...BODY);
      const next = await fullPage(desk.layout, '2031-03-06', second);
      await proofread(desk, next.page.id);
      await desk.chief.call('layout.signPage', { pageId: next.page.id });
      fs.writeFileSync(path.join(plant, 'JCRB20310306A01.pdf'), 'earlier');
      const clash = await desk.chief.raw('layout.printPage', { pageId: next.page.id });
      expect(clash.ok ? null : clash.error.message).toContain('已经有“JCRB20310306A01.pdf”');
      expect(fs.readFileSync(path.join(plant, 'JCRB20310306A01.pdf'), 'utf8')).toBe('earlier');
      expect(fs.readdirSync(plant).sort()).toEqual(['JCRB20310305A01.pdf', 'JCRB20310306A01.pdf']);
      expect(await status(second)).toBe('page_signed');
      expect(await audits('layout.page.print', next.page.id)).toEqual([]);
    } finally {
      await admin.call('admin.updateSettings', { printOutputDir: '', printFileNamePattern: '{date}-{page:02}.pdf' });
      fs.rmSync(plant, { recursive: true, force: true });
    }
  });
});
