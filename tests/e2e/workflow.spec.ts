import type { Page } from '@playwright/test';
import { test, expect, signIn, signInAs, screenshot } from './fixtures';

test.use({ demo: true });

/** The demo paper's draft by 张晓明 (reporter). */
const STORY = '大棚草莓提前上市 亩产值超5万元';

function queueRow(page: Page) {
  return page.getByRole('table', { name: '待我处理' }).getByRole('row').filter({ hasText: STORY });
}

async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText('审批').click();
  await expect(page.getByRole('table', { name: '待我处理' })).toBeVisible();
}

async function step(page: Page, button: string, status: string): Promise<void> {
  await queueRow(page).getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(`已${button}：《${STORY}》`)).toBeVisible();
  if (status) await expect(queueRow(page).getByText(status, { exact: true })).toBeVisible();
}

/** An approval is given on the story itself: the queue's button waits until the story has been opened. */
async function approve(page: Page, button: string): Promise<void> {
  const fromQueue = queueRow(page).getByRole('button', { name: button, exact: true });
  await expect(fromQueue).toBeDisabled();
  await expect(fromQueue).toHaveAccessibleDescription('需先打开稿件审读');
  await queueRow(page).getByRole('button', { name: STORY }).click();
  await page.getByRole('group', { name: '流程操作' }).getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(`已${button}：《${STORY}》`)).toBeVisible();
  await openQueue(page);
}

test('三审三校 through the UI: filed, returned with a reason, fixed, refiled, three reviews, 签发, then the audit view and the 审稿单', async ({ page, host }) => {
  await signInAs(page, host, 'reporter');
  await openQueue(page);
  await expect(queueRow(page).getByText('我的草稿')).toBeVisible();
  await screenshot(page, 'workflow-01-reporter-queue');
  await queueRow(page).getByRole('button', { name: '交稿', exact: true }).click();
  await expect(page.getByText(`已交稿：《${STORY}》`)).toBeVisible();
  // Filed, not yet opened by anyone: the reporter may still take it back.
  await expect(queueRow(page)).toContainText('已交稿，等待初审');
  await expect(queueRow(page).getByRole('button', { name: '撤回' })).toBeEnabled();

  await signInAs(page, host, 'editor');
  await openQueue(page);
  await expect(queueRow(page).getByText('待您通过初审')).toBeVisible();
  await expect(page.getByRole('region', { name: '通知' })).toContainText(`《${STORY}》等待通过初审`);
  await queueRow(page).getByRole('button', { name: '退回', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `退回：《${STORY}》` });
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(dialog.getByText('请填写理由')).toBeVisible();
  await dialog.getByLabel('理由').fill('请补充亩产数据的来源');
  await screenshot(page, 'workflow-02-return-reason');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(page.getByText(`已退回：《${STORY}》`)).toBeVisible();
  await expect(queueRow(page)).toHaveCount(0);

  await signInAs(page, host, 'reporter');
  await openQueue(page);
  await expect(queueRow(page).getByText('被王海燕退回：请补充亩产数据的来源')).toBeVisible();
  await expect(page.getByRole('region', { name: '通知' })).toContainText(`您的稿件《${STORY}》被退回`);
  await screenshot(page, 'workflow-03-returned');
  await queueRow(page).getByRole('button', { name: STORY }).click();
  await page.getByLabel('引题').fill('据市农业农村局统计');
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await openQueue(page);
  await step(page, '交稿', '');
  await expect(queueRow(page).getByRole('button', { name: '撤回' })).toBeEnabled();

  await signInAs(page, host, 'editor');
  await openQueue(page);
  await approve(page, '通过初审');
  await expect(queueRow(page)).toHaveCount(0);

  await signInAs(page, host, 'sectionhead');
  await openQueue(page);
  await expect(queueRow(page).getByText('初审', { exact: true })).toBeVisible();
  await approve(page, '通过复审');
  await expect(queueRow(page)).toHaveCount(0);

  // 终审 and 签发: one act of the chief.
  await signInAs(page, host, 'chief');
  await openQueue(page);
  await expect(queueRow(page).getByText('待您签发')).toBeVisible();
  await screenshot(page, 'workflow-04-chief-queue');
  await approve(page, '签发');
  await expect(queueRow(page)).toHaveCount(0);

  await page.getByRole('navigation', { name: '主导航' }).getByText('审计记录').click();
  const filters = page.getByRole('search', { name: '筛选审计记录' });
  await filters.getByLabel('操作').click();
  await page.getByTitle('审稿流程', { exact: true }).click();
  await filters.getByRole('button', { name: '查询' }).click();
  const audit = page.getByRole('table', { name: '审计记录' });
  for (const [who, what] of [
    ['张晓明', '交稿'],
    ['王海燕', '退回'],
    ['王海燕', '通过初审'],
    ['陈建国', '通过复审'],
    ['黄志远', '签发'],
  ]) {
    await expect(audit.getByRole('row').filter({ hasText: who }).filter({ hasText: what }).first()).toBeVisible();
  }
  await expect(audit.getByRole('row').filter({ hasText: '理由：请补充亩产数据的来源' })).toBeVisible();
  await screenshot(page, 'workflow-05-audit');

  const download = page.waitForEvent('download');
  await filters.getByRole('button', { name: '导出 CSV' }).click();
  const csv = await (await download).path();
  const text = (await import('node:fs')).readFileSync(csv!, 'utf8');
  expect(text).toContain('请补充亩产数据的来源');
  expect(text).toContain('workflow.signoff');
  await expect(page.getByText(/已导出 \d+ 条记录/)).toBeVisible();

  await audit.getByRole('row').filter({ hasText: '签发' }).first().getByRole('button', { name: '审稿单' }).click();
  const sheet = page.getByRole('dialog', { name: '审稿单' });
  const levels = sheet.getByRole('table', { name: '三审签字' });
  await expect(levels.getByRole('row', { name: /交稿 张晓明/ })).toBeVisible();
  await expect(levels.getByRole('row', { name: /初审 王海燕/ })).toBeVisible();
  await expect(levels.getByRole('row', { name: /复审 陈建国/ })).toBeVisible();
  await expect(levels.getByRole('row', { name: /终审 黄志远/ })).toBeVisible();
  await expect(levels.getByRole('row', { name: /签发 黄志远/ })).toBeVisible();
  const history = sheet.getByRole('table', { name: '流程记录' });
  await expect(history.getByRole('row').filter({ hasText: '请补充亩产数据的来源' })).toContainText('王海燕');
  await expect(history.getByRole('row')).toHaveCount(7);
  await screenshot(page, 'workflow-06-review-sheet');

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await sheet.getByRole('button', { name: '打印' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await screenshot(page, 'workflow-07-review-sheet-print');
  await page.emulateMedia({ media: 'screen' });
});

test('the administrator creates a user, gives roles, resets a password, disables an account and edits a role and the settings', async ({ page, host }) => {
  await signInAs(page, host, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByText('用户与角色').click();
  const users = page.getByRole('table', { name: '用户' });
  await expect(users.getByRole('row').filter({ hasText: 'reporter2' })).toBeVisible();

  await page.getByRole('button', { name: '新建用户' }).click();
  const create = page.getByRole('dialog', { name: '新建用户' });
  await create.getByLabel('用户名').fill('intern');
  await create.getByLabel('姓名').fill('实习生小周');
  await create.getByLabel('初始密码').fill('first-pass1');
  await create.getByRole('button', { name: '创建' }).click();
  const intern = users.getByRole('row').filter({ hasText: '实习生小周' });
  await expect(intern).toContainText('记者');

  await intern.getByRole('combobox', { name: '实习生小周的角色' }).click();
  await page.locator('.ant-select-item-option').getByText('编辑', { exact: true }).click();
  await expect(intern).toContainText('编辑');
  await page.keyboard.press('Escape');

  await intern.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: '重置实习生小周的密码' });
  await reset.getByLabel('新密码').fill('second-pass2');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('已重置实习生小周的密码')).toBeVisible();

  const reporter2 = users.getByRole('row').filter({ hasText: 'reporter2' });
  await reporter2.getByRole('switch', { name: '李静的账号在用' }).click();
  await expect(reporter2.getByRole('switch')).not.toBeChecked();
  await screenshot(page, 'workflow-08-admin-users');

  await page.getByRole('tab', { name: '角色与权限' }).click();
  const proofreaders = page.getByRole('group', { name: '校对的权限' });
  await proofreaders.getByLabel('查看审计记录').check();
  await page.getByRole('button', { name: '保存“校对”的权限' }).click();
  await expect(page.getByText('已保存“校对”的权限')).toBeVisible();
  await screenshot(page, 'workflow-09-admin-roles');

  await page.getByRole('tab', { name: '流程设置' }).click();
  await page.getByLabel('锁定超时（分钟）').fill('20');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await screenshot(page, 'workflow-10-admin-settings');

  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, host, 'intern', 'second-pass2');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('reporter2');
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('该账号已停用，请联系管理员')).toBeVisible();

  await signInAs(page, host, 'proofreader');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByText('审计记录')).toBeVisible();
});
