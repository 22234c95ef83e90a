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

test('in English the board, the budget and the status bar speak English with English punctuation; page states are labels', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByText('English').click();
  await page.getByLabel('Username').fill('layout');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const bar = page.getByRole('contentinfo', { name: 'Status bar' });
  await expect(bar).toContainText('User: 吴芳 (layout)');
  await expect(bar).toContainText('Role: Layout editor');
  await expect(bar).not.toContainText(/[：（）]/);
  await page.getByRole('navigation').getByText('Pages').click();
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages.getByText('In progress').first()).toBeVisible();
  await expect(pages.getByText('Not laid out').first()).toBeVisible();
  await expect(pages).not.toContainText(/组版中|未组版|已签版/);
  await expect(page.getByRole('heading', { name: /^Story budget \(\d+\)$/ })).toBeVisible();
  await screenshot(page, 'english-board');
});

test('dates read 2026-12-04 08:05, never month first; ℃ in an antd tag is drawn by the Chinese UI font', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  const list = page.getByRole('table', { name: '稿件' });
  const row = list.getByRole('row').filter({ hasText: '江城地铁3号线今日开通运营' });
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(row).not.toContainText(/\d{1,4}\/\d{1,2}\/\d{1,4}/);

  // A kicker with a degree sign, shown as an antd Tag in the list.
  await page.evaluate(async () => {
    const call = (method: string, input: unknown) =>
      fetch('api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' }, body: JSON.stringify({ method, input }) });
    await call('articles.create', { headline: '寒潮来袭', kicker: '最低气温-5℃' });
  });
  await page.reload();
  const tag = list.locator('.ant-tag', { hasText: '最低气温-5℃' });
  await expect(tag).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.ant-tag' });
  const fonts = new Set<string>();
  for (const nodeId of nodeIds) {
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    if (!outerHTML.includes('℃')) continue;
    for (const f of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) fonts.add(f.familyName);
  }
  expect([...fonts].length).toBeGreaterThan(0);
  // One Chinese font draws the whole tag, ℃ included: no Latin fallback for the symbol.
  for (const family of fonts) expect(family).toMatch(/Noto Sans CJK|WenQuanYi|Source Han Sans/);
  await screenshot(page, 'symbols');
});

test('screen readers hear labels, not codes: the 电头 options; no English in the Chinese editor’s own controls', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  await page.getByRole('button', { name: '新建稿件' }).click();
  const dialog = page.getByRole('dialog', { name: '新建稿件' });
  await dialog.getByLabel('主题').fill('寒潮来袭');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByLabel('主题')).toHaveValue('寒潮来袭');
  await page.getByRole('combobox', { name: '电头' }).click({ force: true });
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByRole('option', { name: '本地（本报讯）' })).toBeAttached();
  const heard = await listbox.ariaSnapshot();
  expect(heard).not.toMatch(/\b(none|local|remote|wire)\b/);
  await page.keyboard.press('Escape');
  // The collapsible sections' headers: their state is aria-expanded, not an English word in the name.
  await expect(page.getByRole('button', { name: '署名与电头', exact: true })).toHaveAttribute('aria-expanded', 'true');
});
