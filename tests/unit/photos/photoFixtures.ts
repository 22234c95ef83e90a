import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { replaceJpegMetadata } from '../../../shared/photos/jpegSegments';

export const IPTC_REFERENCE = path.resolve(__dirname, 'fixtures/IPTC-PhotometadataRef-Std2017.1.jpg');

export function jpeg(width = 640, height = 480, colour = '#3a6ea5'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
}

const hex = (h: string) => Buffer.from(h, 'hex');

function dataset(record: number, number: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x1c, record, number, data.length >> 8, data.length & 0xff]), data]);
}

/**
 * An IIM block as a Chinese desktop tool of the GBK era writes it: GB18030 bytes and no 1:90.
 * 市民在江城公园赏花。 / 陈光 / 江城 / 湖北
 */
export function gb18030Iim(): Buffer {
  return Buffer.concat([
    dataset(2, 0, Buffer.from([0, 4])),
    dataset(2, 120, hex('cad0c3f1d4dabdadb3c7b9abd4b0c9cdbba8a1a3')),
    dataset(2, 80, hex('b3c2b9e2')),
    dataset(2, 90, hex('bdadb3c7')),
    dataset(2, 95, hex('bafeb1b1')),
  ]);
}

export async function jpegWithIim(iim: Uint8Array, xmp?: string): Promise<Buffer> {
  return Buffer.from(replaceJpegMetadata(await jpeg(), { iim, xmp }));
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
