import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, signInAs, callApi, screenshot } from './fixtures';
import { NEWSML_XSD, NITF_XSD, xmllint } from '../support/xmllint';

test.use({ demo: true });

const LEAD = '江城地铁3号线今日开通运营';

test('导出: the story\'s menu saves it as NITF and as NewsML-G2, each valid against IPTC\'s schema, and as a WeChat fragment', async ({ page, host }) => {
  await signInAs(page, host, 'editor');
  const { items } = await callApi(page, 'articles.list', { limit: 100 });
  const id = items.find((a) => a.headline === LEAD)!.id;
  await page.evaluate((articleId) => (location.hash = `#/articles/${articleId}`), id);
  await expect(page.getByRole('textbox', { name: '主题' })).toHaveValue(LEAD);

  const save = async (item: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    const download = await downloading;
    return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
  };

  const nitf = await save('NITF 3.6');
  expect(nitf.name).toBe(`${LEAD}-nitf.xml`);
  expect(xmllint(nitf.text, NITF_XSD)).toBe('');
  expect(nitf.text).toContain(`<hl1>${LEAD}</hl1>`);
  await screenshot(page, 'interchange-01-export-menu');

  const g2 = await save('NewsML-G2（通讯社、新闻客户端）');
  expect(xmllint(g2.text, NEWSML_XSD)).toBe('');
  expect(g2.text).toContain('<pubStatus qcode="stat:usable"/>');

  const wechat = await save('微信公众号（可直接粘贴）');
  expect(wechat.name).toBe(`${LEAD}-公众号.html`);
  expect(wechat.text.startsWith('<section style=')).toBe(true);
});

test('报头: what the administrator sets in the admin screen is printed on the front page\'s proof', async ({ page, host }) => {
  await signInAs(page, host, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByText('用户与角色').click();
  await page.getByRole('tab', { name: '报头' }).click();
  const form = page.getByRole('form', { name: '报头' });
  await form.getByLabel('国内统一连续出版物号').fill('42-0012');
  await form.getByRole('button', { name: '保存报头' }).click();
  await expect(page.getByRole('alert').or(page.locator('.ant-message'))).toContainText('国内统一连续出版物号应写成');
  await form.getByLabel('国内统一连续出版物号').fill('CN 42-0088');
  await form.getByLabel('邮发代号').fill('37-88');
  await form.getByLabel('主管单位').fill('江城市委宣传部');
  await form.getByLabel('主办单位').fill('江城日报社');
  await form.getByRole('button', { name: '保存报头' }).click();
  await expect(page.locator('.ant-message')).toContainText('报头已保存');
  await screenshot(page, 'interchange-02-masthead-settings');

  // The layout desk's proof of page 1 prints them.
  await signInAs(page, host, 'layout');
  await page.getByRole('navigation', { name: '主导航' }).getByText('版面').click();
  await page.getByRole('navigation', { name: '版序' }).getByRole('button', { name: '第1版 要闻' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出大样' }).click();
  const file = (await (await downloading).path())!;
  const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, '');
  expect(text).toContain('CN42-0088');
  expect(text).toContain('37-88');
  expect(text).toContain('江城市委宣传部主管');
  expect(text).toContain('江城日报社主办');
  expect(path.extname(file) === '' || path.extname(file) === '.pdf').toBe(true);
});
