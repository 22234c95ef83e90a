import { test, expect, screenshot } from './fixtures';

test('a new newsroom: create it, write a story, and find it again after the host restarts', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '欢迎使用编辑部桌面系统' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打开演示编辑部' })).toBeVisible();
  await screenshot(page, '01-first-run');

  await page.getByLabel('报纸名称').fill('滨海晚报');
  await page.getByLabel('管理员姓名').fill('周敏');
  await page.getByLabel('管理员用户名').fill('zhoumin');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('short');
  await page.getByRole('button', { name: '新建编辑部' }).click();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();

  await page.getByLabel('密码', { exact: true }).fill('correct horse 8');
  await page.getByLabel('确认密码').fill('correct horse 8');
  await page.getByRole('button', { name: '新建编辑部' }).click();

  const statusBar = page.getByRole('contentinfo', { name: '状态栏' });
  await expect(statusBar).toContainText('周敏');
  await expect(statusBar).toContainText('管理员');
  await expect(statusBar).toContainText(host.dataDir);
  await expect(page.getByText('还没有稿件')).toBeVisible();
});

test('an administrator does not get the new-story button', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('报纸名称').fill('滨海晚报');
  await page.getByLabel('管理员姓名').fill('周敏');
  await page.getByLabel('管理员用户名').fill('zhoumin');
  await page.getByLabel('密码', { exact: true }).fill('correct horse 8');
  await page.getByLabel('确认密码').fill('correct horse 8');
  await page.getByRole('button', { name: '新建编辑部' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  // An admin has no article.create privilege: the button is hidden and the service refuses.
  await expect(page.getByRole('button', { name: '新建稿件' })).toHaveCount(0);
});
