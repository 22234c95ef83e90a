import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const THUMBS_DIR = 'thumbs';
const THUMB_WIDTH = 320;

/**
 * A small JPEG for lists, cached beside the originals (which are never
 * modified). EXIF orientation is applied so a phone's portrait shot stands up.
 */
export async function thumbnail(dataDir: string, file: string, sha256: string, writable: boolean): Promise<Buffer> {
  const cached = path.join(dataDir, THUMBS_DIR, `${sha256}-${THUMB_WIDTH}.jpg`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const data = await sharp(path.join(dataDir, file)).rotate().resize({ width: THUMB_WIDTH, withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer();
  if (writable) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const temp = `${cached}.${process.pid}.partial`;
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, cached);
  }
  return data;
}
