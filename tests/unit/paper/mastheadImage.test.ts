import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';

let harness: Harness;
let admin: Client;

const png = async (width: number, height: number) =>
  (await sharp({ create: { width, height, channels: 4, background: { r: 200, g: 22, b: 29, alpha: 1 } } }).png().toBuffer()).toString('base64');

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  admin = await harness.as('admin');
});
afterAll(() => harness.close());

describe('the masthead image', () => {
  it('refuses a file that is not PNG or JPEG, a broken one and one too narrow to print, each with a sentence, storing nothing', async () => {
    const text = await admin.raw('paper.setMastheadImage', { fileName: 'logo.png', dataBase64: Buffer.from('not an image at all').toString('base64') });
    expect(text.ok || text.error.message).toContain('“logo.png”不是 PNG 或 JPEG 图片');
    const whole = Buffer.from(await png(1600, 400), 'base64');
    const broken = await admin.raw('paper.setMastheadImage', { fileName: 'cut.png', dataBase64: whole.subarray(0, 200).toString('base64') });
    expect(broken.ok || broken.error.message).toContain('已损坏或不完整');
    const small = await admin.raw('paper.setMastheadImage', { fileName: 'small.png', dataBase64: await png(300, 80) });
    expect(small.ok || small.error.message).toContain('只有 300 像素宽');
    expect(fs.existsSync(path.join(harness.dataDir, 'masthead'))).toBe(false);
    expect((await admin.call('paper.masthead', {})).nameImage).toBeNull();
  });

  it('stores a good image, shows it to the admin screen and prints it on page 1 in place of the typeset name; removing it goes back', async () => {
    const view = await admin.call('paper.setMastheadImage', { fileName: '报头.png', dataBase64: await png(2400, 600) });
    expect(view.nameImage).toMatchObject({ mime: 'image/png', width: 2400, height: 600 });
    expect(view.imageDataUrl?.startsWith('data:image/png;base64,')).toBe(true);
    const layout = await harness.as('layout');
    const date = (await layout.call('layout.editions', {}))[0]!.date;
    const page = (await layout.call('layout.board', { date })).pages[0]!;
    const proof = await layout.call('layout.proof', { pageId: page.id });
    const images = execFileSync('pdfimages', ['-list', '-'], { input: Buffer.from(proof.dataBase64, 'base64') }).toString('utf8');
    expect(images).toMatch(/\s2400\s+600\s/);
    expect(proof.warnings.filter((w) => w.includes('报头图片'))).toEqual([]);
    const removed = await admin.call('paper.removeMastheadImage', {});
    expect(removed.nameImage).toBeNull();
    const audit = await admin.call('audit.list', { action: 'settings.masthead' });
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });
});
