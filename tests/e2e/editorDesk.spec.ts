import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, screenshot, type Host } from './fixtures';

test.use({ demo: true });

/** The demo paper's draft by 张晓明 (reporter). */
const DRAFT = '大棚草莓提前上市 亩产值超5万元';
/** Waiting for 签发, with two house-style errors in its body. */
const FOR_SIGNING = '青石巷里的新日子';

async function openStory(page: Page, headline: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText('稿件', { exact: true }).click();
  await page.getByRole('table', { name: '稿件' }).getByRole('row').filter({ hasText: headline }).click();
  await expect(page.getByRole('textbox', { name: '正文' })).toBeVisible();
}

async function userPage(browser: Browser, host: Host, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, host, username);
  return page;
}

test('the desk fixes the headline while the reporter keeps the body: separate locks, live changes, no conflict, and a comment with @ reaches the reporter', async ({ browser, host }) => {
  test.setTimeout(180_000);
  const reporter = await userPage(browser, host, 'reporter');
  const desk = await userPage(browser, host, 'editor');

  await openStory(reporter, DRAFT);
  const reporterBody = reporter.getByRole('textbox', { name: '正文' });
  await reporterBody.click();
  await expect(reporter.getByRole('status', { name: '锁定状态' })).toContainText('正文：我在编辑');

  await openStory(desk, DRAFT);
  await expect(desk.getByText(/正文由张晓明编辑中.*只能阅读/)).toBeVisible();
  const deskBody = desk.getByRole('textbox', { name: '正文' });
  await expect(deskBody).toHaveAttribute('contenteditable', 'false');
  await screenshot(desk, 'desk-01-body-held-by-reporter');

  const deskHeadline = desk.getByLabel('主题', { exact: true });
  await deskHeadline.fill('大棚草莓提前一个月上市');
  await expect(desk.getByRole('status', { name: '锁定状态' })).toContainText('标题：我在编辑');
  await expect(desk.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);

  // The reporter sees the new headline without reloading, and cannot type in it.
  await expect(reporter.getByLabel('主题', { exact: true })).toHaveValue('大棚草莓提前一个月上市');
  await expect(reporter.getByLabel('主题', { exact: true })).toBeDisabled();
  await reporterBody.click();
  await reporter.keyboard.press('Control+End');
  await reporter.keyboard.type('记者补充：采摘期将持续到明年4月。');
  await expect(reporter.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await expect(reporter.getByRole('dialog')).toHaveCount(0);
  await expect(deskBody).toContainText('记者补充：采摘期将持续到明年4月。');
  await expect(desk.getByLabel('主题', { exact: true })).toHaveValue('大棚草莓提前一个月上市');

  // A comment on a passage, naming the reporter.
  await desk.getByRole('tab', { name: '评论' }).click();
  await deskBody.getByText(/记者补充/).click({ clickCount: 3 });
  await desk.getByRole('checkbox', { name: '针对正文中选中的文字' }).check();
  await desk.getByLabel('写评论（可用 @姓名 提醒同事）').fill('@张晓明 请核实采摘期的说法');
  await desk.getByRole('button', { name: '发表评论' }).click();
  const deskThreads = desk.getByRole('list', { name: '评论列表' });
  await expect(deskThreads).toContainText('请核实采摘期的说法');
  await expect(deskThreads).toContainText('记者补充：采摘期将持续到明年4月。」');
  await screenshot(desk, 'desk-02-comment-on-passage');

  await expect(reporter.getByRole('button', { name: /通知（1 条未读）/ })).toBeVisible();
  await reporter.getByRole('tab', { name: '评论' }).click();
  const threads = reporter.getByRole('list', { name: '评论列表' });
  await expect(threads).toContainText('请核实采摘期的说法');
  await threads.getByRole('button', { name: '回复' }).click();
  await reporter.getByLabel('回复王海燕').fill('已向农业农村局核实');
  await reporter.getByRole('button', { name: '发送回复' }).click();
  await expect(threads).toContainText('已向农业农村局核实');
  await threads.getByRole('button', { name: '标为已解决' }).click();
  await expect(threads).toHaveCount(0);
  await expect(desk.getByText('显示已解决的评论（1 条）')).toBeVisible();

  // Closing the story frees the body for the desk.
  await reporter.getByRole('button', { name: '返回列表' }).click();
  await expect(desk.getByText(/正文由张晓明编辑中/)).toHaveCount(0);
  await expect(deskBody).toHaveAttribute('contenteditable', 'true');
});

test('proofreading in the editor: marks and fixes; the chief cannot sign with an open error until it is fixed or overridden with a reason, which the audit trail keeps', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, host, 'chief');
  await openStory(page, FOR_SIGNING);
  const body = page.getByRole('textbox', { name: '正文' });
  await expect(body.locator('.style-mark-error').first()).toBeVisible();

  await page.getByRole('tab', { name: '校对' }).click();
  const panel = page.getByRole('region', { name: '校对' });
  await expect(panel.getByRole('status')).toContainText('错误 2');
  await screenshot(page, 'desk-03-proofreading-marks');

  await page.getByRole('group', { name: '流程操作' }).getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByText(/还有 2 处校对错误未改/)).toBeVisible();
  await expect(page.getByText('终审', { exact: true }).first()).toBeVisible();

  // Fix one in the text; the other is overridden with a reason.
  await panel.getByRole('listitem').filter({ hasText: '截至' }).getByRole('button', { name: '改', exact: true }).click();
  await expect(body).toContainText('截至11月底');
  await expect(panel.getByRole('status')).toContainText('错误 1');
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await expect(panel.getByText(/有 1 处错误未改/)).toBeVisible();
  await panel.getByRole('button', { name: '说明理由后放行…' }).click();
  const dialog = page.getByRole('dialog', { name: '放行校对错误' });
  await dialog.getByRole('button', { name: '放行' }).click();
  await expect(dialog.getByText('请填写放行理由')).toBeVisible();
  await dialog.getByLabel('放行理由').fill('引语保留受访者原话的标点');
  await dialog.getByRole('button', { name: '放行' }).click();
  await expect(panel.getByText(/已放行：引语保留受访者原话的标点（黄志远/)).toBeVisible();

  await page.getByRole('group', { name: '流程操作' }).getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByText(`已签发：《${FOR_SIGNING}》`)).toBeVisible();

  await page.getByRole('button', { name: '返回列表' }).click();
  await page.getByRole('navigation', { name: '主导航' }).getByText('审计记录').click();
  const audit = page.getByRole('table', { name: '审计记录' });
  await expect(audit).toContainText('校对：说明理由放行');
  await expect(audit).toContainText('引语保留受访者原话的标点');

  // 差错率 of today's edition, page by page.
  await page.getByRole('navigation', { name: '主导航' }).getByText('校对', { exact: true }).click();
  await page.getByRole('tab', { name: '差错率' }).click();
  const rate = page.getByRole('table', { name: '差错率' });
  await expect(rate).toContainText('第1版 要闻');
  await expect(rate).toContainText('江城地铁3号线今日开通运营');
  await expect(rate).toContainText('全期合计');
  await screenshot(page, 'desk-04-error-rate');
});

test('an edit after 签发 sends the story back to 终审, and a force-unlock by the chief keeps the holder’s text', async ({ browser, host }) => {
  test.setTimeout(180_000);
  const SIGNED = '江城马拉松12月1日鸣枪开跑';
  const desk = await userPage(browser, host, 'editor');
  const chief = await userPage(browser, host, 'chief');

  await openStory(desk, SIGNED);
  const header = desk.locator('.editor-header');
  await expect(header.getByText('已签发', { exact: true })).toBeVisible();
  // Placed on page 4: its slot, not its planned length, is what the count bar measures against.
  await expect(desk.getByRole('status', { name: '字数统计' })).toContainText(/版面 第4版文体：可容 \d+ 字/);
  const deskBody = desk.getByRole('textbox', { name: '正文' });
  await deskBody.click();
  await desk.keyboard.press('Control+End');
  await desk.keyboard.type('（王海燕补充：起点设在江滨广场。）');
  await expect(desk.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await expect(header.getByText('终审', { exact: true })).toBeVisible();

  await openStory(chief, SIGNED);
  await expect(chief.getByText(/正文由王海燕编辑中/)).toBeVisible();
  await chief.getByRole('status', { name: '锁定状态' }).getByRole('button', { name: '强制解锁' }).click();
  await chief.getByRole('tooltip').getByRole('button', { name: '强制解锁' }).click();
  await expect(chief.getByText('已强制解锁')).toBeVisible();
  await expect(chief.getByText(/正文由王海燕编辑中/)).toHaveCount(0);
  const chiefBody = chief.getByRole('textbox', { name: '正文' });
  await expect(chiefBody).toContainText('王海燕补充：起点设在江滨广场。');
  await expect(chiefBody).toHaveAttribute('contenteditable', 'true');

  await expect(desk.getByText('正文的锁定已被强制解除，编辑已中断；请看过最新内容再继续修改。')).toBeVisible();
  await expect(deskBody).toContainText('王海燕补充：起点设在江滨广场。');
  await screenshot(desk, 'desk-05-forced-away');

  await chief.getByRole('button', { name: '返回列表' }).click();
  await chief.getByRole('navigation', { name: '主导航' }).getByText('审计记录').click();
  const audit = chief.getByRole('table', { name: '审计记录' });
  await expect(audit.getByRole('row').filter({ hasText: '签发后修改' }).filter({ hasText: '王海燕' }).first()).toBeVisible();
  await expect(audit.getByRole('row').filter({ hasText: '强制解锁' }).filter({ hasText: '黄志远' }).first()).toBeVisible();
});

test('a reporter sees a house-style mark as they type and fixes it from the 校对 panel', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, host, 'reporter');
  await openStory(page, DRAFT);
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('截止11月底,全市草莓大棚已有');
  await expect(body.locator('.style-mark-error')).toHaveCount(2);
  await page.getByRole('tab', { name: '校对' }).click();
  const panel = page.getByRole('region', { name: '校对' });
  await expect(panel.getByRole('status')).toContainText('错误 2');
  await page.getByRole('button', { name: '全部安全修改' }).click();
  await expect(body).toContainText('截至11月底，全市草莓大棚已有');
  await expect(body.locator('.style-mark-error')).toHaveCount(0);
  await expect(panel.getByRole('status')).toContainText('错误 0');
});
