import { test, expect, signIn, screenshot } from './fixtures';

test.use({ demo: true });

test('a reporter searches the archive, deletes a draft and restores it from the trash', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  const box = page.getByRole('searchbox', { name: '搜索稿件' });
  const list = page.getByRole('table', { name: '稿件' });
  const status = page.getByRole('status').filter({ hasText: /找到|回收站|恢复/ });

  // Two characters: the common case in Chinese, below what the trigram index can match.
  await box.fill('地铁');
  await expect(status).toHaveText('找到 3 篇');
  const opening = list.getByRole('row').filter({ hasText: '江城地铁3号线今日开通运营' });
  await expect(opening.locator('mark')).toHaveText(['地铁']);
  const marathon = list.getByRole('row').filter({ hasText: '江城马拉松12月1日鸣枪开跑' });
  await expect(marathon).toContainText('正文：');
  await expect(marathon.locator('mark')).toHaveText(['地铁']);
  await screenshot(page, 'search-short');

  await box.fill('地铁3号线');
  await expect(status).toHaveText('找到 2 篇');
  await expect(list.getByRole('row').filter({ has: page.locator('mark', { hasText: '地铁3号线' }) })).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText('江城地铁3号线今日开通运营');

  await box.fill('"地铁 AND (');
  await expect(page.getByText('没有找到包含“"地铁 AND (”的稿件')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await box.fill('草莓');
  const draft = list.getByRole('row').filter({ hasText: '大棚草莓提前上市' });
  await expect(draft).toHaveCount(1);
  await expect(list.getByRole('button', { name: /^删除/ })).toHaveCount(1);
  await draft.getByRole('button', { name: '删除 大棚草莓提前上市 亩产值超5万元' }).click();
  await expect(status).toContainText('已将《大棚草莓提前上市 亩产值超5万元》移入回收站');
  await expect(page.getByText('没有找到包含“草莓”的稿件')).toBeVisible();

  await page.getByRole('switch', { name: '回收站' }).click();
  const trashed = list.getByRole('row').filter({ hasText: '大棚草莓提前上市' });
  await expect(trashed).toHaveCount(1);
  await screenshot(page, 'search-trash');
  await trashed.getByRole('button', { name: '恢复 大棚草莓提前上市 亩产值超5万元' }).click();
  await expect(status).toContainText('已恢复《大棚草莓提前上市 亩产值超5万元》');
  await expect(page.getByText('没有找到包含“草莓”的稿件')).toBeVisible();

  await page.getByRole('switch', { name: '回收站' }).click();
  await expect(list.getByRole('row').filter({ hasText: '大棚草莓提前上市' })).toHaveCount(1);

  await box.clear();
  const row = list.getByRole('row').filter({ hasText: '江城地铁3号线今日开通运营' });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('主题')).toHaveValue('江城地铁3号线今日开通运营');
});
