import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PHOTOS_DIR = 'photos';

export interface StoredFile {
  sha256: string;
  /** Relative to the data folder, so a moved folder keeps working. */
  file: string;
  bytes: number;
  /** False when an identical file was already stored. */
  created: boolean;
}

/**
 * Content-addressed: a photo's name is its SHA-256, so a duplicate is stored
 * once. Written to a temp name and renamed, so a crash never leaves half a file
 * under the final name.
 */
export function storePhotoFile(dataDir: string, data: Uint8Array, extension: string, dir: string = PHOTOS_DIR): StoredFile {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const relative = path.join(dir, sha256.slice(0, 2), `${sha256}.${extension}`);
  const target = path.join(dataDir, relative);
  if (fs.existsSync(target)) return { sha256, file: relative, bytes: data.byteLength, created: false };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { sha256, file: relative, bytes: data.byteLength, created: true };
}
