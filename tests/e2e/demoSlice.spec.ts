import { test, expect, signIn, screenshot } from './fixtures';

test.use({ demo: true });

test('a reporter writes a story that survives a restart of the host', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: '演示账号' })).toBeVisible();
  await screenshot(page, '02-login');

  await signIn(page, host, 'reporter');
  const list = page.getByRole('table', { name: '稿件' });
  await expect(list.getByRole('row').filter({ hasText: '江城地铁3号线今日开通运营' })).toBeVisible();
  await screenshot(page, '03-article-list');

  await page.getByRole('button', { name: '新建稿件' }).click();
  const dialog = page.getByRole('dialog', { name: '新建稿件' });
  await dialog.getByLabel('主题').fill('江城首座口袋公园开放');
  await dialog.getByRole('button', { name: '创建' }).click();

  await expect(page.getByLabel('主题')).toHaveValue('江城首座口袋公园开放');
  await page.getByLabel('引题').fill('老旧厂区变身市民客厅');
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.type('记者从江城市园林局获悉，位于老城区的首座口袋公园今天开放，面积约1200平方米。');
  await expect(page.getByRole('status', { name: '字数统计' })).toContainText('字数 37');
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await screenshot(page, '04-editor');

  await host.restart();
  await signIn(page, host, 'reporter');
  await page.getByRole('table', { name: '稿件' }).getByRole('row').filter({ hasText: '江城首座口袋公园开放' }).click();
  await expect(page.getByLabel('引题')).toHaveValue('老旧厂区变身市民客厅');
  await expect(page.getByRole('textbox', { name: '正文' })).toContainText('首座口袋公园今天开放，面积约1200平方米。');
});

test('the English switch relabels the interface', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByText('English').click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByText('中文').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});
