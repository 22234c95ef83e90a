import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { test, expect, callApi, signIn, screenshot } from './fixtures';
import { ROOT, tempDataDir } from '../support/hostProcess';
import { buildIim } from '../../shared/photos/iim';
import { replaceJpegMetadata } from '../../shared/photos/jpegSegments';

const REFERENCE = path.join(ROOT, 'tests/unit/photos/fixtures/IPTC-PhotometadataRef-Std2017.1.jpg');

/** A folder as a photographer hands it in: good photos, the IPTC reference image and broken files. */
async function incomingFolder(): Promise<string> {
  const dir = path.join(tempDataDir('newsroom-photo-e2e-'), '来稿 图片');
  fs.mkdirSync(dir);
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#6b8e23' } }).jpeg().toBuffer();
  const captioned = replaceJpegMetadata(photo, { iim: buildIim({ caption: '市民在江城公园赏花', creators: ['陈光'], keywords: ['春天'] }) });
  fs.writeFileSync(path.join(dir, '公园 赏花.jpg'), captioned);
  fs.copyFileSync(REFERENCE, path.join(dir, 'IPTC 参考图.jpg'));
  fs.writeFileSync(path.join(dir, '截断.jpg'), photo.subarray(0, 3000));
  fs.writeFileSync(path.join(dir, '说明.jpg'), '这是一段文字，不是图片。');
  fs.writeFileSync(path.join(dir, '空文件.jpg'), '');
  const png = Buffer.from(await sharp({ create: { width: 10, height: 10, channels: 3, background: '#888' } }).png().toBuffer());
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  fs.writeFileSync(path.join(dir, '巨大.png'), png);
  return dir;
}

test.use({ demo: true });

test('a photo editor imports a folder, captions a photo with a credit template, links it to a story and exports it', async ({ page, host }) => {
  const folder = await incomingFolder();
  await signIn(page, host, 'editor');
  await page.getByRole('navigation', { name: '主导航' }).getByText('图片').click();
  await expect(page.getByRole('heading', { name: '图片库' })).toBeVisible();

  await page.getByRole('button', { name: '导入图片' }).click();
  await page.getByLabel('选择文件夹').setInputFiles(folder);
  await expect(page.getByRole('status').filter({ hasText: '共 6 个文件' })).toHaveText('共 6 个文件：导入 2，重复 0，拒收 4');
  const results = page.getByRole('region', { name: '导入结果' });
  await expect(results).toContainText('截断.jpg：图片文件不完整或已损坏，未导入。');
  await expect(results).toContainText('说明.jpg：这不是图片文件（内容是文字），未导入。');
  await expect(results).toContainText('空文件.jpg：文件是空的，未导入。');
  await expect(results).toContainText('巨大.png：图片尺寸过大');
  await screenshot(page, 'photos-import');

  // Captions prefilled from the files' metadata: our Chinese IIM and the IPTC reference image.
  await expect(page.getByRole('button', { name: '打开图片：The description aka caption (ref2017.1)' })).toBeVisible();
  await page.getByRole('button', { name: '打开图片：市民在江城公园赏花' }).click();
  const caption = page.getByLabel('图片说明');
  await expect(caption).toHaveValue('市民在江城公园赏花');
  await expect(page.getByRole('status').filter({ hasText: '图片说明检查' })).toContainText('图片说明应以句号“。”结尾');

  await caption.fill('江城公园的樱花进入盛花期，市民在花下拍照。');
  await page.getByRole('combobox', { name: '署名方式' }).click({ force: true });
  await page.locator('.ant-select-dropdown:visible').getByTitle('本报记者摄（本报记者 张三 摄）', { exact: true }).click();
  await expect(page.getByRole('region', { name: '见报效果' })).toContainText('江城公园的樱花进入盛花期，市民在花下拍照。\u3000本报记者 陈光 摄');
  await expect(page.getByText('21 字')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '图片说明检查' })).toHaveCount(0);
  await page.getByRole('button', { name: '保存说明' }).click();
  await expect(page.getByRole('button', { name: '保存说明' })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: /^说明已保存（\d\d:\d\d:\d\d）$/ })).toBeVisible();
  await screenshot(page, 'photos-caption');

  // A named crop for one use, in a preset that matches two columns of the broadsheet grid.
  await page.getByRole('tab', { name: '裁切' }).click();
  await page.getByRole('button', { name: '向右转' }).click();
  await expect(page.getByText('已旋转 90°')).toBeVisible();
  // The crop is dragged on the picture: up to the top edge (the turned photo is portrait, the 4:3 crop starts centred).
  const cropBox = page.getByLabel('裁切框：拖动可移动，方向键也可移动');
  const box = (await cropBox.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - box.height, { steps: 8 });
  await page.mouse.up();
  await page.getByLabel('裁切名称').fill('一版导读');
  await page.getByRole('button', { name: '保存裁切' }).click();
  await expect(page.getByRole('button', { name: '导出“一版导读”' })).toBeVisible();
  const [cherry] = (await callApi(page, 'photos.list', { query: '樱花', limit: 1 })).items;
  const savedCrop = (await callApi(page, 'photos.get', { photoId: cherry!.id })).crops.find((c) => c.name === '一版导读')!;
  expect(savedCrop.y).toBeCloseTo(0, 2);
  expect(savedCrop.height).toBeCloseTo(0.5, 2);
  await screenshot(page, 'photos-crop');

  await page.getByRole('tab', { name: /使用/ }).click();
  await page.getByRole('combobox', { name: '选择稿件' }).click({ force: true });
  const story = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  const headline = (await story.textContent())!;
  await story.click();
  await page.getByRole('button', { name: '加入稿件' }).click();
  await expect(page.getByRole('tab', { name: '使用（1）' })).toBeVisible();
  await expect(page.getByRole('button', { name: headline })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出原图（写入说明）' }).click();
  const file = path.join(tempDataDir('newsroom-photo-export-'), 'export.jpg');
  await (await download).saveAs(file);
  const tags = JSON.parse(execFileSync('exiftool', ['-json', '-charset', 'iptc=UTF8', '-Caption-Abstract', '-Credit', '-Description', file], { encoding: 'utf8' }))[0];
  expect(tags['Caption-Abstract']).toBe('江城公园的樱花进入盛花期，市民在花下拍照。');
  expect(tags['Credit']).toBe('本报记者 陈光 摄');
  expect(tags['Description']).toBe('江城公园的樱花进入盛花期，市民在花下拍照。');

  // The story now carries the photo: its editor's photo tab shows the caption with the printed credit.
  await page.getByRole('button', { name: headline }).click();
  await page.getByRole('tab', { name: '图片', exact: true }).click();
  await expect(page.getByRole('region', { name: '稿件图片' })).toContainText('江城公园的樱花进入盛花期，市民在花下拍照。\u3000本报记者 陈光 摄');
  await screenshot(page, 'photos-story');
  await page.getByRole('navigation', { name: '主导航' }).getByText('图片').click();

  // Metadata is data: the reference image's fields show as text in the file-info tab.
  await page.getByRole('button', { name: '打开图片：The description aka caption (ref2017.1)' }).click();
  await page.getByRole('tab', { name: '文件信息' }).click();
  await expect(page.getByText("Creator's Job Title  (ref2017.1)")).toBeVisible();
  await screenshot(page, 'photos-metadata');
});

test('photos dropped on the import panel are imported, a duplicate is recognized, and the library search finds them', async ({ page, host }) => {
  await signIn(page, host, 'layout');
  await page.getByRole('navigation', { name: '主导航' }).getByText('图片').click();
  await page.getByRole('button', { name: '导入图片' }).click();
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b45309' } }).jpeg().toBuffer();
  const bytes = [...replaceJpegMetadata(photo, { iim: buildIim({ caption: '长江大桥夜景。', creators: ['李明'], keywords: ['夜景'] }) })];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    for (const name of ['大桥 夜景.jpg', '大桥 夜景（副本）.jpg']) transfer.items.add(new File([new Uint8Array(data)], name, { type: 'image/jpeg' }));
    return transfer;
  }, bytes);
  await page.getByText('把照片（JPEG、PNG、WebP、TIFF）拖到这里，或').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: '共 2 个文件' })).toHaveText('共 2 个文件：导入 1，重复 1，拒收 0');
  await page.getByRole('searchbox', { name: '搜索图片' }).fill('夜景');
  await expect(page.getByText('共 1 张')).toBeVisible();
  await expect(page.getByRole('button', { name: '打开图片：长江大桥夜景。' })).toBeVisible();
});

test('a caption saved in another window shows in the library at once; typing under way is kept', async ({ page, host, browser }) => {
  await signIn(page, host, 'editor');
  await page.getByRole('navigation', { name: '主导航' }).getByText('图片').click();
  const tile = page.getByRole('button', { name: /^打开图片：/ }).first();
  await tile.click();
  const caption = page.getByLabel('图片说明');
  await expect(caption).not.toHaveValue('');

  // A second window, signed in as the same photo editor, saves a new caption.
  const other = await browser.newPage();
  await signIn(other, host, 'editor');
  const saveElsewhere = async (caption: string) => {
    const [first] = (await callApi(other, 'photos.list', { limit: 1 })).items;
    const photo = await callApi(other, 'photos.get', { photoId: first!.id });
    await callApi(other, 'photos.updateCaption', { photoId: photo.id, version: photo.version, caption, creditKind: photo.creditKind, photographers: photo.photographers });
  };

  await saveElsewhere('另一个窗口改好的说明。');
  await expect(caption).toHaveValue('另一个窗口改好的说明。');
  await expect(page.getByRole('button', { name: '打开图片：另一个窗口改好的说明。' })).toBeVisible();

  await caption.fill('我正在写的说明');
  await saveElsewhere('又一次改好的说明。');
  await expect(page.getByText('别人刚保存了这张图片的说明：“又一次改好的说明。”。你未保存的修改还在，保存时会提示冲突。')).toBeVisible();
  await expect(caption).toHaveValue('我正在写的说明');
  await page.getByRole('button', { name: '改用最新说明' }).click();
  await expect(caption).toHaveValue('又一次改好的说明。');
  await other.close();
});
