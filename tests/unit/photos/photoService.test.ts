import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalFor } from '../../../electron/core/photos/inspectPhoto';
import { buildIim } from '../../../shared/photos/iim';
import { buildXmpPacket } from '../../../shared/photos/xmpPacket';
import { openHarness, openTestSql, type Client, type Harness, type Location } from '../../support/coreHarness';
import type { ApiEvent } from '../../../shared/api/events';
import { IPTC_REFERENCE, jpeg, jpegWithIim, tempDir } from './photoFixtures';

let harness: Harness;
let editor: Client;
let proofreader: Client;

const b64 = (data: Buffer) => data.toString('base64');

function photoFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'photos');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

async function rowCount(location: Location): Promise<number> {
  const sql = openTestSql(location);
  try {
    return (await sql.get<{ n: number }>('SELECT count(*) AS n FROM photos'))!.n;
  } finally {
    await sql.close();
  }
}

async function bigPngHeader(): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 10, height: 10, channels: 3, background: '#888' } }).png().toBuffer());
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  return png;
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  editor = await harness.as('editor');
  proofreader = await harness.as('proofreader');
});

afterAll(() => harness.close());

describe('import', () => {
  it('reads the reference image, prefills the caption and credit, and makes a thumbnail', async () => {
    const result = await editor.call('photos.import', { fileName: 'IPTC-PhotometadataRef-Std2017.1.jpg', dataBase64: b64(fs.readFileSync(IPTC_REFERENCE)) });
    expect(result.status).toBe('imported');
    if (result.status === 'refused') return;
    expect(result.photo.caption).toBe('The description aka caption (ref2017.1)');
    expect(result.photo.photographers).toEqual(['Creator1 (ref2017.1)', 'Creator2 (ref2017.1)']);
    expect(result.photo.credit).toBe('Creator1 (ref2017.1) Creator2 (ref2017.1) 摄');
    expect(result.photo.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const detail = await editor.call('photos.get', { photoId: result.photo.id });
    expect(detail.metadata.credit).toBe('Credit Line (ref2017.1)');
    expect(detail.metadata.keywords).toHaveLength(3);
  });

  it('a duplicate is recognized by its SHA-256 and not stored twice', async () => {
    const data = await jpeg(300, 200, '#123456');
    const before = photoFiles(harness.dataDir).length;
    const first = await editor.call('photos.import', { fileName: 'a.jpg', dataBase64: b64(data) });
    const second = await editor.call('photos.import', { fileName: '另一个名字.jpg', dataBase64: b64(data) });
    expect(first.status).toBe('imported');
    expect(second.status).toBe('duplicate');
    if (first.status === 'refused' || second.status === 'refused') return;
    expect(second.photo.id).toBe(first.photo.id);
    expect(photoFiles(harness.dataDir).length).toBe(before + 1);
  });

  it('honours EXIF orientation: a portrait phone shot is stored upright-sized, its original untouched', async () => {
    const landscape = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#0a0' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const result = await editor.call('photos.import', { fileName: '手机竖拍.jpg', dataBase64: b64(landscape) });
    if (result.status === 'refused') throw new Error(result.message);
    expect([result.photo.width, result.photo.height]).toEqual([300, 400]);
    const detail = await editor.call('photos.get', { photoId: result.photo.id });
    const stored = fs.readFileSync(path.join(harness.dataDir, 'photos', detail.sha256.slice(0, 2), `${detail.sha256}.jpg`));
    expect(stored.equals(landscape)).toBe(true);
    const preview = await editor.call('photos.preview', { photoId: result.photo.id });
    expect([preview.width, preview.height]).toEqual([300, 400]);
  });

  it.each([
    ['truncated.jpg', async () => (await jpeg(800, 600)).subarray(0, 2000), '不完整'],
    ['text.jpg', async () => Buffer.from('这不是图片，只是一段文字。\n'), '内容是文字'],
    ['huge.png', bigPngHeader, '尺寸过大'],
    ['empty.jpg', async () => Buffer.alloc(0), '空的'],
    ['drawing.gif', async () => Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!', 'latin1'), '不支持'],
  ])('%s is refused with one sentence, nothing written', async (fileName, make, words) => {
    const files = photoFiles(harness.dataDir).length;
    const rows = await rowCount(harness.location);
    const result = await editor.call('photos.import', { fileName, dataBase64: b64(await make()) });
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.message).toContain(words);
    expect(result.message).not.toMatch(/\n|Error|at /);
    expect(photoFiles(harness.dataDir).length).toBe(files);
    expect(await rowCount(harness.location)).toBe(rows);
  });

  it('truncated files imported side by side with others are each called incomplete', async () => {
    // libvips keeps one error buffer for all threads: several decodes at once once turned a
    // truncated JPEG's "premature end" into a generic failOn warning, and the desk saw the wrong sentence.
    const whole = await jpeg(1200, 800);
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2a2' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#22a' } }).webp().toBuffer();
    const files = [
      ...Array.from({ length: 6 }, (_, i) => [`cut${i}.jpg`, whole.subarray(0, 3000 + i * 97)] as const),
      ['cut.png', png.subarray(0, png.length - 20)] as const,
      ['cut.webp', webp.subarray(0, webp.length - 30)] as const,
      ['huge.png', await bigPngHeader()] as const,
    ];
    const results = await Promise.all(files.map(([fileName, data]) => editor.call('photos.import', { fileName, dataBase64: b64(data) })));
    const messages = results.map((r) => (r.status === 'refused' ? r.message : r.status));
    expect(messages.slice(0, -1).every((m) => m.includes('不完整'))).toBe(true);
    expect(messages.at(-1)).toContain('尺寸过大');
  });

  it('a generic decoder message is read against the file: cut short is incomplete, whole is not', async () => {
    const whole = await jpeg(200, 100);
    const warning = new Error('Warning treated as error due to failOn setting');
    expect(refusalFor(warning, whole.subarray(0, whole.length - 50)).message).toContain('不完整');
    expect(refusalFor(warning, whole).message).toContain('无法读取');
  });

  it('a character reference beyond Unicode in the XMP is refused with a sentence, not an internal error, and nothing is stored', async () => {
    const files = photoFiles(harness.dataDir).length;
    const rows = await rowCount(harness.location);
    const xmp = buildXmpPacket({ caption: 'PLACEHOLDER', creators: ['陈光'], credit: '江城日报', keywords: [] }).replace('PLACEHOLDER', '江城夜景&#99999999;');
    const file = await jpegWithIim(buildIim({ caption: '江城夜景' }), xmp);
    const result = await editor.call('photos.import', { fileName: '夜景.jpg', dataBase64: b64(file) });
    expect(result).toMatchObject({ status: 'refused', message: expect.stringContaining('元数据') });
    expect(result.status === 'refused' ? result.message : '').not.toMatch(/\n|Error|at /);
    expect(photoFiles(harness.dataDir).length).toBe(files);
    expect(await rowCount(harness.location)).toBe(rows);
    const hex = buildXmpPacket({ caption: 'PLACEHOLDER', creators: [], credit: '', keywords: [] }).replace('PLACEHOLDER', '&#x110000;');
    expect((await editor.call('photos.import', { fileName: '夜景2.jpg', dataBase64: b64(await jpegWithIim(buildIim({}), hex)) })).status).toBe('refused');
  });

  it('PNG, WebP and TIFF import', async () => {
    const base = sharp({ create: { width: 120, height: 80, channels: 3, background: '#c33' } });
    for (const [name, data] of [
      ['a.png', await base.clone().png().toBuffer()],
      ['a.webp', await base.clone().webp().toBuffer()],
      ['a.tif', await base.clone().tiff().toBuffer()],
    ] as const) {
      const result = await editor.call('photos.import', { fileName: name, dataBase64: b64(data) });
      expect(result.status, name).toBe('imported');
    }
  });

  it('a role without photo.manage cannot import', async () => {
    const response = await proofreader.raw('photos.import', { fileName: 'x.jpg', dataBase64: b64(await jpeg()) });
    expect(response.ok ? null : response.error.code).toBe('FORBIDDEN');
  });
});

describe('library, captions, stories, crops and export', () => {
  let photoId: string;
  let articleId: string;

  beforeAll(async () => {
    const file = await jpegWithIim(buildIim({ caption: '江城地铁5号线今日开通。', creators: ['陈光'], credit: '江城日报记者', keywords: ['地铁', '交通'], city: '江城' }));
    const result = await editor.call('photos.import', { fileName: '地铁 开通.jpg', dataBase64: b64(file) });
    if (result.status === 'refused') throw new Error(result.message);
    photoId = result.photo.id;
    articleId = (await editor.call('articles.list', { limit: 1 })).items[0]!.id;
  });

  it('search by caption, creator and keyword; filter unused', async () => {
    for (const query of ['地铁5号线', '陈光', '交通']) {
      const found = await editor.call('photos.list', { query });
      expect(found.items.map((i) => i.id), query).toContain(photoId);
    }
    expect((await editor.call('photos.list', { query: '没有这个词' })).total).toBe(0);
    // The reference image was taken on 2017-07-13: the date filter reads the day taken, not the day imported.
    const taken = await editor.call('photos.list', { dateFrom: '2017-07-13', dateTo: '2017-07-13' });
    expect(taken.items.map((i) => i.caption)).toEqual(['The description aka caption (ref2017.1)']);
    expect((await editor.call('photos.list', { usage: 'unused' })).items.map((i) => i.id)).toContain(photoId);
  });

  it('caption with a credit template; the printed caption and checks; saves announced, a refused one not', async () => {
    const announced: ApiEvent[] = [];
    const off = harness.core.subscribe((e) => announced.push(e));
    const before = await editor.call('photos.get', { photoId });
    const after = await editor.call('photos.updateCaption', { photoId, version: before.version, caption: '江城地铁5号线今日开通，市民排队试乘', creditKind: 'staff', photographers: ['陈光'] });
    expect(after.credit).toBe('本报记者 陈光 摄');
    expect(after.problems.map((p) => p.code)).toEqual(['no-final-period']);
    const fixed = await editor.call('photos.updateCaption', { photoId, version: after.version, caption: '江城地铁5号线今日开通，市民排队试乘。', creditKind: 'staff', photographers: ['陈光'] });
    expect(fixed.printedCaption).toBe('江城地铁5号线今日开通，市民排队试乘。\u3000本报记者 陈光 摄');
    expect(fixed.problems).toEqual([]);
    const stale = await editor.raw('photos.updateCaption', { photoId, version: before.version, caption: 'x', creditKind: 'file', photographers: [] });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    off();
    expect(announced.filter((e) => e.type === 'photo.changed')).toEqual([
      expect.objectContaining({ photoId, articleId: null }),
      expect.objectContaining({ photoId, articleId: null }),
    ]);
  });

  it('a story photo set with one lead; where the photo is used; every change announced and audited', async () => {
    const announced: ApiEvent[] = [];
    const off = harness.core.subscribe((e) => announced.push(e));
    const before = await editor.call('photos.forArticle', { articleId });
    const linked = await editor.call('photos.link', { articleId, photoId });
    expect(linked).toHaveLength(before.length + 1);
    expect(linked.filter((p) => p.isLead)).toHaveLength(1);
    const led = await editor.call('photos.setLead', { articleId, photoId });
    expect(led.find((p) => p.isLead)!.id).toBe(photoId);
    expect((await editor.call('photos.get', { photoId })).uses).toEqual([expect.objectContaining({ articleId, isLead: true })]);
    expect((await editor.call('photos.list', { usage: 'used' })).items.map((i) => i.id)).toContain(photoId);
    const unlinked = await editor.call('photos.unlink', { articleId, photoId });
    expect(unlinked).toHaveLength(before.length);
    expect(unlinked.length === 0 || unlinked.filter((p) => p.isLead).length === 1).toBe(true);
    // Unlinking what is not linked changes nothing and records nothing.
    await editor.call('photos.unlink', { articleId, photoId });
    off();
    const changes = announced.flatMap((e) => (e.type === 'photo.changed' ? [[e.photoId, e.articleId]] : []));
    expect(changes).toEqual([
      [photoId, articleId],
      [photoId, articleId],
      [photoId, articleId],
    ]);

    const admin = await harness.as('admin');
    const trail = (await admin.call('audit.list', { targetId: articleId })).items.filter((r) => r.action.startsWith('photo.'));
    expect(trail.map((r) => [r.action, r.actionLabel, r.details['photoId'], r.targetLabel !== null]).reverse()).toEqual([
      ['photo.link', '稿件配图', photoId, true],
      ['photo.lead', '设为主图', photoId, true],
      ['photo.unlink', '撤下稿件配图', photoId, true],
    ]);
    const imported = (await admin.call('audit.list', { targetId: photoId })).items.filter((r) => r.action === 'photo.import');
    expect(imported.map((r) => [r.actionLabel, typeof r.details['fileName']])).toEqual([['导入图片', 'string']]);
  });

  it('where a photo is used: the stories carrying it and the page slots holding it', async () => {
    const demo = (await editor.call('photos.list', { query: '地铁3号线' })).items[0]!;
    const detail = await editor.call('photos.get', { photoId: demo.id });
    expect(detail.uses).toHaveLength(1);
    expect(detail.placements).toEqual([expect.objectContaining({ pageNumber: 1, pageName: '要闻' })]);
    expect(demo.useCount).toBe(2);
  });

  it('named crops and rotation are stored, the original never changes', async () => {
    const detail = await editor.call('photos.get', { photoId });
    const original = fs.readFileSync(path.join(harness.dataDir, 'photos', detail.sha256.slice(0, 2), `${detail.sha256}.jpg`));
    const saved = await editor.call('photos.setCrops', {
      photoId,
      version: detail.version,
      rotation: 90,
      crops: [{ name: '一版 2 栏', x: 0, y: 0.25, width: 1, height: 0.5, columns: 2, aspect: 0.75 }],
    });
    expect(saved.rotation).toBe(90);
    const cut = await editor.call('photos.preview', { photoId, crop: '一版 2 栏' });
    // 640×480 turned a quarter → 480×640; the crop keeps the full width and half the height.
    expect([cut.width, cut.height]).toEqual([480, 320]);
    expect(fs.readFileSync(path.join(harness.dataDir, 'photos', detail.sha256.slice(0, 2), `${detail.sha256}.jpg`)).equals(original)).toBe(true);
  });

  it('a story runs the photo in one of its named crops, chosen when it is attached; a crop it does not have is refused by name', async () => {
    const other = (await editor.call('articles.list', { limit: 3 })).items[2]!.id;
    const detail = await editor.call('photos.get', { photoId });
    await editor.call('photos.setCrops', { photoId, version: detail.version, rotation: detail.rotation, crops: [...detail.crops, { name: '二版 3 栏', x: 0, y: 0, width: 1, height: 0.6 }] });
    const refused = await editor.raw('photos.link', { articleId: other, photoId, crop: '头版通栏' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'NOT_FOUND', message: '这张图片没有名为“头版通栏”的裁切。' });
    expect((await editor.call('photos.forArticle', { articleId: other })).some((p) => p.id === photoId)).toBe(false);

    const linked = await editor.call('photos.link', { articleId: other, photoId, crop: '二版 3 栏' });
    expect(linked.find((p) => p.id === photoId)?.crop).toBe('二版 3 栏');
    // Attached again with another choice: the use's crop changes; left out, it stays.
    expect((await editor.call('photos.link', { articleId: other, photoId, crop: null })).find((p) => p.id === photoId)?.crop).toBeNull();
    await editor.call('photos.link', { articleId: other, photoId, crop: '二版 3 栏' });
    expect((await editor.call('photos.link', { articleId: other, photoId })).find((p) => p.id === photoId)?.crop).toBe('二版 3 栏');
    const audit = await (await harness.as('admin')).call('audit.list', { targetId: other, action: 'photo.link', limit: 10 });
    expect(audit.items.map((i) => (i.details as { crop?: string | null }).crop)).toEqual(['二版 3 栏', null, '二版 3 栏']);
  });

  it('export writes caption and credit into IPTC (1:90 UTF-8) and XMP, and exiftool reads them back', async () => {
    const exported = await editor.call('photos.export', { photoId, crop: '一版 2 栏' });
    const dir = tempDir('newsroom-export-');
    const file = path.join(dir, exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));
    const tags = JSON.parse(
      execFileSync('exiftool', ['-json', '-charset', 'iptc=UTF8', '-IPTC:All', '-XMP:All', '-CodedCharacterSet', file], { encoding: 'utf8' }),
    )[0] as Record<string, unknown>;
    expect(tags['CodedCharacterSet']).toBe('UTF8');
    expect(tags['Caption-Abstract']).toBe('江城地铁5号线今日开通，市民排队试乘。');
    expect(tags['Credit']).toBe('本报记者 陈光 摄');
    expect(tags['By-line']).toBe('陈光');
    expect(tags['Description']).toBe('江城地铁5号线今日开通，市民排队试乘。');
    expect(tags['Creator']).toBe('陈光');
    expect(tags['Keywords']).toEqual(['地铁', '交通']);
    const size = await sharp(file).metadata();
    expect([size.width, size.height]).toEqual([480, 320]);
  });

  it('an export keeps the camera EXIF but not the GPS position, and stands upright', async () => {
    const dir = tempDir('newsroom-exif-');
    const file = path.join(dir, 'camera.jpg');
    fs.writeFileSync(file, await jpeg(600, 400));
    execFileSync('exiftool', ['-overwrite_original', '-Make=NIKON CORPORATION', '-Model=NIKON Z 9', '-LensModel=NIKKOR Z 24-70mm f/2.8 S', '-DateTimeOriginal=2026:11:28 09:15:30', '-GPSLatitude=30.59', '-GPSLatitudeRef=N', '-GPSLongitude=114.30', '-GPSLongitudeRef=E', '-Orientation#=6', file]);
    const imported = await editor.call('photos.import', { fileName: 'camera.jpg', dataBase64: b64(fs.readFileSync(file)) });
    if (imported.status !== 'imported') throw new Error(imported.status);
    const exported = await editor.call('photos.export', { photoId: imported.photo.id });
    const out = path.join(dir, 'out.jpg');
    fs.writeFileSync(out, Buffer.from(exported.dataBase64, 'base64'));
    const tags = JSON.parse(execFileSync('exiftool', ['-json', '-n', '-EXIF:All', '-ImageWidth', '-ImageHeight', out], { encoding: 'utf8' }))[0] as Record<string, unknown>;
    expect(tags).toMatchObject({ Make: 'NIKON CORPORATION', Model: 'NIKON Z 9', LensModel: 'NIKKOR Z 24-70mm f/2.8 S', DateTimeOriginal: '2026:11:28 09:15:30', ImageWidth: 400, ImageHeight: 600 });
    expect(tags['Orientation'] ?? 1).toBe(1);
    expect(Object.keys(tags).filter((k) => k.startsWith('GPS'))).toEqual([]);
  });

  it('caption and crop changes and exports are in the audit trail: who, and what', async () => {
    const admin = await harness.as('admin');
    const { items } = await admin.call('audit.list', { targetId: photoId });
    const rows = items.map((r) => ({ action: r.action, actionLabel: r.actionLabel, userName: r.userName, details: r.details }));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'photo.caption', actionLabel: '修改图片说明', details: expect.objectContaining({ caption: '江城地铁5号线今日开通，市民排队试乘。', creditKind: 'staff' }) }),
        expect.objectContaining({ action: 'photo.crops', actionLabel: '修改图片裁切', details: { rotation: 90, crops: ['一版 2 栏'] } }),
        expect.objectContaining({ action: 'photo.export', actionLabel: '导出图片', details: expect.objectContaining({ crop: '一版 2 栏' }) }),
      ]),
    );
    expect(new Set(rows.map((r) => r.userName))).toEqual(new Set([rows[0]!.userName]));
    // The refused stale save wrote nothing.
    expect(rows.filter((r) => r.action === 'photo.caption')).toHaveLength(2);
  });
});
