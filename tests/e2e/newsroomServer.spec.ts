import { test as base, type Browser, type Page } from '@playwright/test';
import { startServerProcess, tempDataDir, type HostProcess } from '../support/hostProcess';
import { startCluster, type TestCluster } from '../support/postgres';
import { expect, screenshot, signIn, type Host } from './fixtures';

/**
 * Many desks, one newsroom: two server processes on one PostgreSQL database, each serving the
 * browser UI. The reporter and the chief work through process A, the editor and the section head
 * through process B; each sees the others' changes as they happen, without reloading.
 */
const test = base.extend<object, { servers: { a: HostProcess; b: HostProcess } }>({
  servers: [
    async ({}, use) => {
      const cluster: TestCluster = await startCluster();
      const dataDir = tempDataDir('newsroom-server-');
      let a: HostProcess | null = null;
      let b: HostProcess | null = null;
      try {
        cluster.admin('CREATE DATABASE newsroom');
        a = await startServerProcess(dataDir, ['--database', cluster.url('newsroom'), '--demo']);
        b = await startServerProcess(dataDir, ['--database', cluster.url('newsroom')]);
        await use({ a, b });
      } finally {
        await a?.stop();
        await b?.stop();
        cluster.stop();
      }
    },
    { scope: 'worker' },
  ],
});

const STORY = '江城新建三座社区食堂';

async function deskOn(browser: Browser, server: HostProcess, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, server as unknown as Host, username);
  return page;
}

const workflow = (page: Page) => page.getByRole('group', { name: '流程操作' });
const saved = (page: Page) => expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);

async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText('审批').click();
  await expect(page.getByRole('table', { name: '待我处理' })).toBeVisible();
}

const queueRow = (page: Page) => page.getByRole('table', { name: '待我处理' }).getByRole('row').filter({ hasText: STORY });

test('two server processes on one PostgreSQL: the reporter writes on A, the editor edits on B, the chief signs on A, each seeing the others live', async ({ browser, servers }) => {
  test.setTimeout(240_000);
  const { a, b } = servers;
  const reporter = await deskOn(browser, a, 'reporter');
  const editor = await deskOn(browser, b, 'editor');
  const chief = await deskOn(browser, a, 'chief');

  // The editor's queue on B is open before the story exists.
  await openQueue(editor);

  await reporter.getByRole('button', { name: '新建稿件' }).click();
  const dialog = reporter.getByRole('dialog', { name: '新建稿件' });
  await dialog.getByLabel('主题').fill(STORY);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(reporter.getByLabel('主题')).toHaveValue(STORY);
  const reporterBody = reporter.getByRole('textbox', { name: '正文' });
  await reporterBody.click();
  await reporter.keyboard.type('本报讯 记者从江城市民政局获悉，三座社区食堂本周开张，老人用餐可享补贴。');
  await saved(reporter);
  await workflow(reporter).getByRole('button', { name: '交稿', exact: true }).click();
  await expect(reporter.getByText(`已交稿：《${STORY}》`)).toBeVisible();

  // B's queue hears of A's 交稿 without a reload.
  await expect(queueRow(editor)).toContainText('待您通过初审');
  await queueRow(editor).getByRole('button', { name: STORY }).click();
  const editorBody = editor.getByRole('textbox', { name: '正文' });
  await expect(editorBody).toContainText('三座社区食堂本周开张');
  await editorBody.click();
  await editor.keyboard.press('Control+End');
  await editor.keyboard.type('首批食堂设在江北、城南和西湖社区。');
  await saved(editor);

  // The reporter, still on the story on A, sees the editor's sentence arrive.
  await expect(reporterBody).toContainText('首批食堂设在江北、城南和西湖社区。');
  await workflow(editor).getByRole('button', { name: '通过初审', exact: true }).click();
  await expect(editor.getByText(`已通过初审：《${STORY}》`)).toBeVisible();

  // 复审 by the section head, on B as well.
  const sectionHead = await deskOn(browser, b, 'sectionhead');
  await openQueue(sectionHead);
  await queueRow(sectionHead).getByRole('button', { name: STORY }).click();
  await expect(sectionHead.getByRole('textbox', { name: '正文' })).toContainText('首批食堂设在江北');
  await workflow(sectionHead).getByRole('button', { name: '通过复审', exact: true }).click();
  await expect(sectionHead.getByText(`已通过复审：《${STORY}》`)).toBeVisible();
  await sectionHead.context().close();

  // The chief on A finds it waiting, reads the editor's text from B, and signs.
  await openQueue(chief);
  await expect(queueRow(chief)).toBeVisible();
  await queueRow(chief).getByRole('button', { name: STORY }).click();
  await expect(chief.getByRole('textbox', { name: '正文' })).toContainText('首批食堂设在江北、城南和西湖社区。');
  await workflow(chief).getByRole('button', { name: '签发', exact: true }).click();
  await expect(chief.getByText(`已签发：《${STORY}》`)).toBeVisible();

  await expect(chief.getByRole('contentinfo', { name: '状态栏' })).toContainText('数据：编辑部服务器（PostgreSQL）');
  // Both other desks see 已签发 in the story's header, the editor's through the other process.
  await expect(editor.locator('.editor-header').getByText('已签发', { exact: true })).toBeVisible();
  await expect(reporter.locator('.editor-header').getByText('已签发', { exact: true })).toBeVisible();
  await screenshot(editor, 'server-01-editor-on-B-sees-signed');
  await screenshot(reporter, 'server-02-reporter-on-A-sees-signed');
  for (const page of [reporter, editor, chief]) await page.context().close();
});
