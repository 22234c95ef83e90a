import fs from 'node:fs';
import path from 'node:path';
import { test, expect, signIn, screenshot } from './fixtures';
import { ROOT } from '../support/hostProcess';
import { makeDocx } from '../unit/importing/docx';

test.use({ demo: true });

const THREE_STORIES = fs.readFileSync(path.join(ROOT, 'tests', 'unit', 'importing', 'fixtures', 'three-stories.txt'), 'utf8');
const HEADLINES = ['老旧小区装上“智慧大脑”', '种粮大户的“新农具”', '我市新增两条公交夜班线路'];

test('a reporter pastes three stories, checks and corrects them, imports them and finds the drafts', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '导入' }).click();
  await page.getByLabel('粘贴稿件').fill(THREE_STORIES);
  await screenshot(page, 'import-00-paste');
  await page.getByRole('button', { name: '识别稿件' }).click();

  const cards = page.getByRole('region', { name: '识别出的稿件' }).getByRole('region');
  await expect(cards).toHaveCount(3);
  const first = page.getByRole('region', { name: '第 1 篇：老旧小区装上“智慧大脑”' });
  await expect(first.getByLabel('引题')).toHaveValue('全市首批智慧社区投入使用');
  await expect(first.getByLabel('副题')).toHaveValue('——十二个试点社区覆盖居民三万户');
  await expect(first).toContainText('王晓明、陈思');
  await expect(first).toContainText('本报讯（记者 王晓明 通讯员 陈思）');
  await expect(first).toContainText('3 段，154 字');
  await expect(first).toContainText('图为东湖社区工作人员在值班室查看设备运行数据。（本报记者 李冰 摄）');
  await expect(first).toContainText('下转4版');
  await expect(page.getByRole('region', { name: '第 2 篇：种粮大户的“新农具”' })).toContainText('无人机成了好帮手');
  await expect(page.getByRole('region', { name: '第 3 篇：我市新增两条公交夜班线路' })).toContainText('刘洋');
  await screenshot(page, 'import-01-review');

  // The third story joins the second, then is split off again at its headline (line 21).
  await page.getByRole('button', { name: '把第 3 篇并入第 2 篇' }).click();
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole('button', { name: '导入 2 篇稿件' })).toBeVisible();
  await page.getByRole('button', { name: '从第 21 行起拆分出新稿件' }).click();
  await expect(cards).toHaveCount(3);
  await expect(page.getByRole('region', { name: '第 3 篇：我市新增两条公交夜班线路' })).toBeVisible();

  // A headline left empty blocks the import until it is filled in.
  const second = cards.nth(1);
  await second.getByLabel('主题').fill('');
  await expect(page.getByText('第 2 篇没有主题，请补充后再导入。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入 3 篇稿件' })).toBeDisabled();
  await second.getByLabel('主题').fill('种粮大户的“新农具”');
  await second.getByLabel('副题').fill('——河湾村春耕见闻');
  await screenshot(page, 'import-02-corrected');

  await page.getByRole('button', { name: '导入 3 篇稿件' }).click();
  const done = page.getByRole('list', { name: '已导入的稿件' });
  await expect(done.getByRole('link')).toHaveText(HEADLINES);
  await expect(page.getByText('已导入 3 篇稿件')).toBeVisible();
  await screenshot(page, 'import-03-done');

  // The jump line has no field of its own: it stays in the body as a 批注. The caption waits for the story's photo.
  await done.getByRole('link', { name: '老旧小区装上“智慧大脑”' }).click();
  const body = page.getByRole('textbox', { name: '正文' });
  await expect(body).toContainText('原稿转版行（已从正文删除，组版时重新生成）：下转4版');
  await expect(body).not.toContainText('图片说明');
  await page.getByRole('tab', { name: '图片', exact: true }).click();
  await expect(page.getByRole('region', { name: '稿件带来的图片说明' })).toHaveText(/图为东湖社区工作人员在值班室查看设备运行数据。\u3000本报记者 李冰 摄/);
  await page.getByRole('tab', { name: '稿件信息' }).click();
  await expect(page.getByRole('status', { name: '字数统计' })).toContainText('字数 154');
  await screenshot(page, 'import-04-notes');

  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '稿件' }).click();
  const list = page.getByRole('table', { name: '稿件' });
  for (const headline of HEADLINES) {
    await expect(list.getByRole('row').filter({ hasText: headline })).toContainText('草稿');
  }
  await expect(list.getByRole('row').filter({ hasText: '种粮大户的“新农具”' })).toContainText('赵海燕、孙立');
  await screenshot(page, 'import-05-list');

  await list.getByRole('row').filter({ hasText: '种粮大户的“新农具”' }).click();
  await expect(page.getByLabel('引题')).toHaveValue('春耕时节访田间');
  await expect(page.getByLabel('副题')).toHaveValue('——河湾村春耕见闻');
  await expect(page.getByRole('textbox', { name: '正文' }).getByRole('heading', { name: '无人机成了好帮手' })).toBeVisible();
  await screenshot(page, 'import-06-editor');
});

test('a reporter opens a Word file and a GBK text file; a broken file gets a clear message', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  await page.goto(`${host.url}/#/import`);

  const openFile = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '打开文件…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  };

  await openFile('坏稿.docx', makeDocx(['正文']).subarray(0, 80));
  await expect(page.getByRole('alert')).toContainText('无法读取这个 .docx 文件（坏稿.docx）：文件已损坏或不是 Word 文档。');

  await openFile('三篇.docx', makeDocx(THREE_STORIES.split('\n')));
  await expect(page.getByText('来源：三篇.docx')).toBeVisible();
  await expect(page.getByRole('region', { name: '识别出的稿件' }).getByRole('region')).toHaveCount(3);
  await expect(page.getByRole('region', { name: '第 2 篇：种粮大户的“新农具”' })).toBeVisible();

  await page.getByRole('button', { name: '返回修改原文' }).click();
  await openFile('简讯.txt', fs.readFileSync(path.join(ROOT, 'tests', 'unit', 'importing', 'fixtures', 'gbk-brief.txt')));
  const brief = page.getByRole('region', { name: '第 1 篇：市图书馆周末延长开放时间' });
  await expect(brief).toContainText('本报讯（记者 周敏）');
  await screenshot(page, 'import-07-gbk');
});
