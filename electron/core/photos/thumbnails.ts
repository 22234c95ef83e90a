import fs from 'node:fs';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';

const THUMBS_DIR = 'thumbs';
/** Wide enough for a grid cell (164 px) on a 1.5× screen, small enough that a page of 60 loads inside a scroll. */
export const THUMB_WIDTH = 240;
/** The longer side of the screen preview the caption editor shows. */
export const PREVIEW_SIZE = 1600;

function cachedPath(dataDir: string, sha256: string, size: number): string {
  return path.join(dataDir, THUMBS_DIR, `${sha256}-${size}.jpg`);
}

/** Temp name + rename, so a crash never leaves half a JPEG under the name readers trust. */
export function writeDerivative(dataDir: string, sha256: string, size: number, data: Buffer): void {
  const target = cachedPath(dataDir, sha256, size);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.partial`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, target);
}

/** JPEG made from an already decoded, upright preview (cheaper than decoding the original again). */
export function thumbnailFromPreview(preview: Buffer): Promise<Buffer> {
  return sharp(preview).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer();
}

/**
 * The screen-size preview, EXIF orientation applied so a phone's portrait shot stands up. Decoding
 * every pixel here is also what finds a truncated file. sharp runs this on libuv's thread pool, so
 * the event loop (and every other API call) keeps going while it works.
 */
export function previewOf(input: Buffer | string, limitInputPixels: number): Promise<{ data: Buffer; info: OutputInfo }> {
  return sharp(input, { limitInputPixels })
    .rotate()
    .resize({ width: PREVIEW_SIZE, height: PREVIEW_SIZE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
}

async function cachedOrMade(dataDir: string, sha256: string, size: number, writable: boolean, make: () => Promise<Buffer>): Promise<Buffer> {
  const cached = cachedPath(dataDir, sha256, size);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const data = await make();
  if (writable) writeDerivative(dataDir, sha256, size, data);
  return data;
}

/**
 * A small JPEG for lists, cached beside the originals (which are never modified). Photos stored
 * before the import pipeline made it at import time get theirs on first use.
 */
export function thumbnail(dataDir: string, file: string, sha256: string, writable: boolean): Promise<Buffer> {
  return cachedOrMade(dataDir, sha256, THUMB_WIDTH, writable, () =>
    sharp(path.join(dataDir, file)).rotate().resize({ width: THUMB_WIDTH, withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer(),
  );
}

export function preview(dataDir: string, file: string, sha256: string, writable: boolean, limitInputPixels: number): Promise<Buffer> {
  return cachedOrMade(dataDir, sha256, PREVIEW_SIZE, writable, async () => (await previewOf(path.join(dataDir, file), limitInputPixels)).data);
}
