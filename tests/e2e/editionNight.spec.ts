import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test as base, type Browser, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from '../support/hostProcess';
import { callApi, expect, screenshot, signIn, type Host } from './fixtures';

/**
 * One edition night as the desk works it, a step per role, on one newsroom: the reporter files,
 * the editor and the section head review, the chief signs (终审 and 签发 in one act), the layout
 * editor places the story and fills the page, the 校对 reads the 大样 and pins a mark, the desk
 * fixes it, the chief signs again, the 校对 checks it off and signs the read-through, the chief
 * signs the page (签版) and sends it to print (付印). All through the UI, by accessible names.
 */
const test = base.extend<object, { night: HostProcess }>({
  night: [
    async ({}, use) => {
      const host = await startHostProcess(tempDataDir('newsroom-night-'), ['--demo']);
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
});
test.describe.configure({ mode: 'serial' });

const STORY = '大棚草莓提前上市 亩产值超5万元';
const PAGE = '第3版 经济';

async function as(browser: Browser, night: HostProcess, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, night as unknown as Host, username);
  return page;
}

async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText('审批').click();
  await expect(page.getByRole('table', { name: '待我处理' })).toBeVisible();
}

const storyRow = (page: Page) => page.getByRole('table', { name: '待我处理' }).getByRole('row').filter({ hasText: STORY });
const pageRow = (page: Page) => page.getByRole('table', { name: '待处理的版面' }).getByRole('row').filter({ hasText: PAGE });
const workflow = (page: Page) => page.getByRole('group', { name: '流程操作' });
const locks = (page: Page) => page.getByRole('status', { name: '锁定状态' });

async function storyId(page: Page): Promise<string> {
  const list = await callApi(page, 'articles.list', { desk: '经济部', limit: 100 });
  return list.items.find((i) => i.headline === STORY)!.id;
}

/** An approval from the queue waits until the story is opened; the reviewer reads it, then passes it in the editor. */
async function review(page: Page, button: string): Promise<void> {
  await openQueue(page);
  const fromQueue = storyRow(page).getByRole('button', { name: button, exact: true });
  await expect(fromQueue).toBeDisabled();
  await expect(fromQueue).toHaveAccessibleDescription('需先打开稿件审读');
  await storyRow(page).getByRole('button', { name: STORY }).click();
  await workflow(page).getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(`已${button}：《${STORY}》`)).toBeVisible();
}

test('记者: types the story (its body locked to her), closing the tab frees the lock; 交稿, 撤回 before anyone opened it, 交稿 again', async ({ browser, night }) => {
  const page = await as(browser, night, 'reporter');
  await openQueue(page);
  await storyRow(page).getByRole('button', { name: STORY }).click();
  await page.getByRole('textbox', { name: '正文' }).click();
  await expect(locks(page)).toContainText('正文：我在编辑');
  await page.keyboard.press('End');
  await page.keyboard.type('（完）');
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  const id = await storyId(page);

  // Closing the tab lets go of the body at once, not after the idle time.
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(night.url);
  await expect(again.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect.poll(() => callApi(again, 'locks.status', { articleId: id })).toEqual([]);

  await openQueue(again);
  await storyRow(again).getByRole('button', { name: '交稿', exact: true }).click();
  await expect(again.getByText(`已交稿：《${STORY}》`)).toBeVisible();
  await expect(storyRow(again)).toContainText('已交稿，等待初审');
  await storyRow(again).getByRole('button', { name: '撤回' }).click();
  await expect(again.getByText(`已撤回：《${STORY}》`)).toBeVisible();
  await expect(storyRow(again)).toContainText('我的草稿');
  await storyRow(again).getByRole('button', { name: '交稿', exact: true }).click();
  await expect(again.getByText(`已交稿：《${STORY}》`).last()).toBeVisible();
  await expect(storyRow(again)).toContainText('已交稿，等待初审');
  await screenshot(again, 'night-01-reporter-filed');
  await context.close();
});

test('编辑: opens the story before 通过初审; her locks go with the copy', async ({ browser, night }) => {
  const page = await as(browser, night, 'editor');
  await openQueue(page);
  await expect(storyRow(page)).toContainText('待您通过初审');
  await storyRow(page).getByRole('button', { name: STORY }).click();
  await page.getByLabel('引题').click();
  await expect(locks(page)).toContainText('标题：我在编辑');
  await page.getByLabel('引题').fill('设施农业助农增收 冬闲变冬忙');
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await workflow(page).getByRole('button', { name: '通过初审', exact: true }).click();
  await expect(page.getByText(`已通过初审：《${STORY}》`)).toBeVisible();
  await expect(locks(page)).toContainText('无人锁定');
  await page.context().close();
});

test('部门主任: 通过复审 after reading it', async ({ browser, night }) => {
  const page = await as(browser, night, 'sectionhead');
  await review(page, '通过复审');
  await page.context().close();
});

test('值班总编: 终审 and 签发 in one act; the 审稿单 shows both', async ({ browser, night }) => {
  const page = await as(browser, night, 'chief');
  await review(page, '签发');
  await workflow(page).getByRole('button', { name: '审稿单' }).click();
  const levels = page.getByRole('dialog', { name: '审稿单' }).getByRole('table', { name: '三审签字' });
  await expect(levels.getByRole('row', { name: /终审 黄志远/ })).toBeVisible();
  await expect(levels.getByRole('row', { name: /签发 黄志远/ })).toBeVisible();
  await page.context().close();
});

test('版面编辑: places the story on page 3, fits its slot to the text and fills the page', async ({ browser, night }) => {
  const page = await as(browser, night, 'layout');
  await page.getByRole('navigation', { name: '主导航' }).getByText('版面').click();
  const pages = page.getByRole('navigation', { name: '版序' });
  await pages.getByRole('button', { name: PAGE }).click();
  await page.getByRole('listitem', { name: new RegExp(`^稿件：${STORY}`) }).getByRole('button', { name: `把《${STORY}》放到本版` }).click();
  const board = page.getByRole('region', { name: /^第3版/ });
  const slot = board.getByRole('button', { name: new RegExp(`^稿位：${STORY}`) });
  await expect(slot).toBeVisible();
  await slot.click();
  const inspector = page.getByRole('region', { name: '稿位设置' });
  await inspector.getByLabel('栏数', { exact: true }).fill('8');
  await expect(slot).toHaveAccessibleName(/8 栏 ×/);
  await inspector.getByRole('button', { name: '按稿定高' }).click();
  await expect(slot).toContainText('正好');
  const depth = Number(await inspector.getByLabel('行数', { exact: true }).inputValue());

  // An ad fills the page below the story: nothing left blank.
  await page.getByRole('combobox', { name: '新稿位类型' }).click({ force: true });
  await page.locator('.ant-select-item-option').filter({ hasText: /^广告$/ }).click();
  await page.getByRole('button', { name: '新增稿位' }).click();
  const ad = board.getByRole('button', { name: /^稿位：广告/ });
  await ad.click();
  await inspector.getByLabel('栏数', { exact: true }).fill('8');
  await expect(ad).toHaveAccessibleName(/8 栏 ×/);
  await inspector.getByLabel('行数', { exact: true }).fill(String(123 - depth));
  await expect(ad).toHaveAccessibleName(new RegExp(`第 1 栏第 ${depth + 1} 行起，8 栏 × ${123 - depth} 行`));
  await screenshot(page, 'night-05-layout-page3');
  await page.context().close();
});

test('校对: the page is in her queue; on the 大样 she pins a mark where the text is wrong and works through 一校 to 三校', async ({ browser, night }) => {
  const page = await as(browser, night, 'proofreader');
  await openQueue(page);
  await expect(pageRow(page)).toContainText('大样校对：正在一校');
  await pageRow(page).getByRole('button', { name: '校对大样' }).click();
  const proof = page.getByRole('document', { name: '第3版 经济 大样' });
  await expect(proof).toContainText('比去年增加了210亩');
  const side = page.getByRole('complementary', { name: '校对意见' });
  await side.getByLabel('原文').fill('增加了210亩');
  await side.getByLabel('改为').fill('增加210亩');
  await side.getByLabel('说明').fill('删去“了”，与全文口径一致');
  await side.getByRole('button', { name: '加标注' }).click();
  await expect(page.getByText('已标注“增加了210亩”')).toBeVisible();
  await expect(proof.getByRole('link', { name: '校对意见 1：“增加了210亩” 改为 增加210亩' })).toBeVisible();
  // The marked characters are underlined on the page, with the pin over them.
  await expect(proof.locator('mark', { hasText: '增加了210亩' })).toHaveCount(1);
  await screenshot(page, 'night-06-proof-mark');
  for (const round of ['一校', '二校', '三校']) {
    await page.getByRole('button', { name: `完成${round}` }).click();
    await expect(page.getByText(`${round}已完成`)).toBeVisible();
  }
  await expect(page.getByRole('status', { name: '校次' })).toContainText('正在通读');
  await page.context().close();
});

test('编辑: fixes the marked text in the story and tells the 校对', async ({ browser, night }) => {
  const page = await as(browser, night, 'editor');
  await page.goto(`${night.url}/#/articles/${await storyId(page)}`);
  await page.getByRole('tab', { name: '校对' }).click();
  const marks = page.getByRole('region', { name: '大样校对意见' });
  await marks.getByRole('button', { name: '“增加了210亩” → “增加210亩”' }).click();
  // The marked characters are selected in the body; typing replaces them.
  await expect(page.getByRole('textbox', { name: '正文' })).toBeFocused();
  await page.keyboard.type('增加210亩');
  await expect(page.getByRole('textbox', { name: '正文' })).toContainText('比去年增加210亩');
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  // Changing a signed story sends it back for 签发.
  await expect(page.getByText('终审', { exact: true }).first()).toBeVisible();
  await marks.getByRole('button', { name: '已改' }).click();
  await expect(page.getByText('已告诉校对：“增加了210亩”已改')).toBeVisible();
  await page.context().close();
});

test('值班总编: signs the corrected story again', async ({ browser, night }) => {
  const page = await as(browser, night, 'chief');
  await review(page, '签发');
  await page.context().close();
});

test('校对: checks the fix on the 大样, checks the mark off and signs the read-through', async ({ browser, night }) => {
  const page = await as(browser, night, 'proofreader');
  await openQueue(page);
  await pageRow(page).getByRole('button', { name: '校对大样' }).click();
  const proof = page.getByRole('document', { name: '第3版 经济 大样' });
  await expect(proof).toContainText('比去年增加210亩');
  const mark = page.getByRole('listitem', { name: '校对意见 1：“增加了210亩”' });
  await expect(mark).toContainText('已改待核');
  await mark.getByRole('button', { name: '核销' }).click();
  await expect(mark).toContainText('已核销');
  await page.getByRole('button', { name: '通读签字' }).click();
  await expect(page.getByText('第3版通读已签字')).toBeVisible();
  await expect(page.getByRole('status', { name: '校次' })).toContainText('已通读签字');
  await page.context().close();
});

test('值班总编: 签版 after the confirmation, the page locks; then 付印 sends it to the print plant as a PDF', async ({ browser, night }) => {
  const page = await as(browser, night, 'chief');
  await openQueue(page);
  await expect(pageRow(page)).toContainText('校对已签字，待签版');
  await pageRow(page).getByRole('button', { name: '去签版' }).click();
  await expect(page.getByRole('region', { name: /^第3版/ })).toBeVisible();
  await page.getByRole('button', { name: '签版', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `签版：${PAGE}` });
  await expect(confirm).toContainText('版面已排满，稿位都正好，稿件都已签发，校对已签字。');
  await expect(confirm).toContainText('郑秀兰于');
  await screenshot(page, 'night-10-sign-confirmation');
  await confirm.getByRole('button', { name: '确认签版' }).click();
  await expect(page.getByText('第3版已签版')).toBeVisible();
  await expect(page.getByText(/本版已签版（黄志远，.*），版面已锁定/)).toBeVisible();

  await page.getByRole('button', { name: '付印' }).click();
  const send = page.getByRole('dialog', { name: `付印：${PAGE}` });
  const date = (await callApi(page, 'layout.editions', {}))[0]!.date;
  await expect(send).toContainText(`将生成 PDF 文件“${date}-03.pdf”`);
  const download = page.waitForEvent('download');
  await send.getByRole('button', { name: '确认付印' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${date}-03.pdf`);
  // The corrected line is on the plate (pdftotext reads across the eight columns, so the line alone).
  const text = execFileSync('pdftotext', [(await file.path())!, '-']).toString('utf8').replace(/\s+/g, '');
  expect(text).toContain('去年增加210亩');
  expect(text).not.toContain('增加了210亩');
  expect(text).not.toContain('大样');
  expect(fs.statSync((await file.path())!).size).toBeGreaterThan(1000);
  await expect(page.getByText(`第3版已付印：${date}-03.pdf`)).toBeVisible();
  await expect(page.getByText('本版已付印，不能再改。')).toBeVisible();
  const story = await callApi(page, 'articles.get', { id: await storyId(page) });
  expect(story.status).toBe('printed');
  await screenshot(page, 'night-11-printed');
  await page.context().close();
});
