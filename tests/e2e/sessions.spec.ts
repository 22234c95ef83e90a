import { test, expect, callApi, signIn, screenshot } from './fixtures';

test.use({ demo: true });

const draftKeys = (page: import('@playwright/test').Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('newsroom.draft.')));

test('an administrator’s password reset signs the reporter out in the window they have open, saying why', async ({ browser, host }) => {
  const reporterContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const reporter = await reporterContext.newPage();
  const admin = await adminContext.newPage();
  await signIn(reporter, host, 'reporter');
  await signIn(admin, host, 'admin');
  const me = await callApi(reporter, 'auth.me', {});

  await callApi(admin, 'admin.resetPassword', { userId: me.user.id, newPassword: 'spring-night-2025' });

  await expect(reporter.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(reporter.getByRole('status').filter({ hasText: '密码已更改' })).toContainText('请用新密码重新登录');
  await screenshot(reporter, 'session-ended-password');
  // The administrator's own window is untouched.
  await expect(admin.getByRole('navigation', { name: '主导航' })).toBeVisible();
  expect((await callApi(admin, 'auth.me', {})).user.username).toBe('admin');
  await reporterContext.close();
  await adminContext.close();
});

test('unsaved typing is not left for the next person at the workstation: sign-out asks, then clears it', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  const body = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '江城市今天召开春耕生产动员会。' }] }] };
  const { id } = await callApi(page, 'articles.create', { headline: '春耕动员会召开', body });
  await page.goto(`${host.url}/#/articles/${id}`);
  const editor = page.getByRole('textbox', { name: '正文' });
  await expect(editor).toBeVisible();

  // The connection to the host drops for saves: the typing stays in the window, and in its local copy.
  await page.route('**/api/call', async (route) => {
    if ((route.request().postData() ?? '').includes('"articles.update"')) await route.abort();
    else await route.continue();
  });
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type('记者张晓明没能保存的一句话。');
  await expect(page.getByText(/保存失败/)).toBeVisible({ timeout: 15_000 });
  expect(await draftKeys(page)).toHaveLength(1);

  await page.getByRole('button', { name: '退出登录' }).click();
  const dialog = page.getByRole('dialog', { name: '有修改没能保存' });
  await expect(dialog).toContainText('1 篇稿件');
  await screenshot(page, 'sign-out-unsaved');
  await dialog.getByRole('button', { name: '放弃修改并退出' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(await draftKeys(page)).toEqual([]);
  await page.unroute('**/api/call');

  // The next person signs in at the same window and opens the same story: nothing is offered.
  await signIn(page, host, 'reporter2');
  await page.goto(`${host.url}/#/articles/${id}`);
  await expect(page.getByRole('textbox', { name: '正文' })).toContainText('江城市今天召开春耕生产动员会。');
  await expect(page.getByText('发现未保存的修改')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '正文' })).not.toContainText('没能保存的一句话');
});
