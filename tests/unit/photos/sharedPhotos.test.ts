import { describe, expect, it } from 'vitest';
import { cropPixels, cropPresets, fitCrop, rotatedSize } from '../../../shared/photos/crops';
import { guessCredit } from '../../../shared/photos/creditGuess';
import { buildIim, readIim } from '../../../shared/photos/iim';
import { jpegHeaderSegments, jpegIimBlock, replaceJpegMetadata } from '../../../shared/photos/jpegSegments';
import { iimDateToIso, mergeMetadata } from '../../../shared/photos/metadata';
import { buildXmpPacket } from '../../../shared/photos/xmpPacket';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import { jpeg } from './photoFixtures';

describe('crops', () => {
  it('presets follow the broadsheet grid: 2 columns 4:3 is 86 mm wide and takes 38 栏行', () => {
    const preset = cropPresets(DEFAULT_TEMPLATES[0]!).find((p) => p.id === '2-landscape')!;
    expect(preset).toMatchObject({ columns: 2, widthMm: 86, heightMm: 64, columnLines: 38 });
    expect(cropPresets(DEFAULT_TEMPLATES[0]!).map((p) => p.columns)).toContain(8);
  });

  it('the largest centred rectangle of an aspect, kept inside the photo', () => {
    expect(fitCrop({ width: 4000, height: 3000 }, 1)).toEqual({ x: 0.125, y: 0, width: 0.75, height: 1 });
    expect(fitCrop({ width: 4000, height: 3000 }, 9 / 16, { x: 1, y: 1 })).toMatchObject({ x: 0, width: 1 });
    expect(fitCrop({ width: 4000, height: 3000 }, 9 / 16, { x: 1, y: 1 }).y).toBeCloseTo(1 - 0.75, 6);
  });

  it('quarter turns swap the size; pixels never leave the photo', () => {
    expect(rotatedSize(4000, 3000, 90)).toEqual({ width: 3000, height: 4000 });
    expect(rotatedSize(4000, 3000, 180)).toEqual({ width: 4000, height: 3000 });
    expect(cropPixels({ x: 0.99, y: 0.99, width: 0.5, height: 0.5 }, { width: 100, height: 100 })).toEqual({ left: 99, top: 99, width: 1, height: 1 });
  });
});

describe('credit guessed from the file', () => {
  it.each([
    [{ creators: ['张三'], credit: '新华社记者', source: '新华社' }, { kind: 'xinhua-staff', names: ['张三'] }],
    [{ creators: ['张三'], credit: '新华社发' }, { kind: 'xinhua-release', names: ['张三'] }],
    [{ creators: [], credit: '资料图片' }, { kind: 'file', names: [] }],
    [{ creators: [], credit: '受访者供图' }, { kind: 'interviewee', names: [] }],
    [{ creators: ['李四'], creatorJobTitle: '通讯员' }, { kind: 'correspondent', names: ['李四'] }],
    [{ creators: ['陈光'], credit: '本报记者' }, { kind: 'staff', names: ['陈光'] }],
    [{ creators: ['Jane Doe'], credit: 'Reuters' }, { kind: 'plain', names: ['Jane Doe'] }],
  ])('%o → %o', (m, expected) => {
    expect(guessCredit(m, '本报')).toEqual(expected);
  });
});

describe('IIM and JPEG segments', () => {
  it('a replaced header keeps the image data byte for byte and reads back', async () => {
    const original = await jpeg(200, 100);
    const iim = buildIim({ caption: '说明', creators: ['甲', '乙'], credit: '本报记者 甲 摄' });
    const out = replaceJpegMetadata(original, { iim, xmp: buildXmpPacket({ caption: '说明 <b>&', creators: ['甲'], credit: 'x', keywords: [] }) });
    const sos = (b: Uint8Array) => jpegHeaderSegments(b).find((s) => s.marker === 0xda)!.start;
    expect(Buffer.from(out.subarray(sos(out))).equals(original.subarray(sos(original)))).toBe(true);
    expect(readIim(jpegIimBlock(out)!)).toMatchObject({ charset: 'declared-utf-8', caption: '说明', creators: ['甲', '乙'] });
    // Written twice: one IIM block, one XMP packet, never accumulating.
    const again = replaceJpegMetadata(out, { iim, xmp: '<x/>' });
    expect(jpegHeaderSegments(again).filter((s) => s.marker === 0xed)).toHaveLength(1);
    expect(jpegHeaderSegments(again).filter((s) => s.marker === 0xe1)).toHaveLength(1);
  });

  it('IIM dates and the order XMP → IIM → EXIF', () => {
    expect(iimDateToIso('20260301', '083000+0800')).toBe('2026-03-01T08:30:00+08:00');
    expect(iimDateToIso('20260301', undefined)).toBe('2026-03-01');
    const m = mergeMetadata({ xmp: { description: 'XMP' }, iim: { charset: 'undeclared', caption: 'IIM', city: '江城' }, exif: { imageDescription: 'EXIF', artist: 'Cam' } });
    expect(m).toMatchObject({ caption: 'XMP', city: '江城', creators: ['Cam'] });
  });
});
