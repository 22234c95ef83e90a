import sharp, { type Metadata } from 'sharp';
import type { PhotoMetadata } from '../../../shared/photos/metadata';
import { MetadataRefused, readPhotoMetadata } from './readMetadata';

/**
 * 120 megapixels: larger than any camera the desk receives (a 100 MP medium-format back) and small
 * enough that one decode cannot exhaust memory. A PNG header claiming 50,000 × 50,000 is refused
 * before a pixel is allocated.
 */
export const MAX_INPUT_PIXELS = 120_000_000;

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'tiff';

export const FORMAT_FILE = {
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  webp: { mime: 'image/webp', extension: 'webp' },
  tiff: { mime: 'image/tiff', extension: 'tif' },
} as const;

/** A file the desk cannot take, with the one sentence the user sees. */
export class PhotoRefused extends Error {}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

/** By content, never by the file name: a text file named .jpg is still text. */
export function sniffFormat(bytes: Uint8Array): PhotoFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  return sample.length > 0 && sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
}

/**
 * Whether the file stops before its format's end marker. Read from the bytes rather than from
 * libvips's message, which is one buffer shared by every thread: with several decodes at once a
 * truncated JPEG can fail as "Warning treated as error due to failOn setting". TIFF has no end
 * marker, so it is left to the message.
 */
function endsEarly(bytes: Uint8Array, format: PhotoFormat | null): boolean {
  const n = bytes.length;
  switch (format) {
    case 'jpeg': {
      let end = n;
      while (end > 0 && bytes[end - 1] === 0x00) end--;
      return !(end >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9);
    }
    case 'png':
      return !(n >= 12 && startsWith(bytes, [0x49, 0x45, 0x4e, 0x44], n - 8));
    case 'webp':
      return n < 12 || (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) + 8 > n;
    default:
      return false;
  }
}

/** sharp's English errors (and the file's own shape) → the sentence a picture editor can act on. */
export function refusalFor(error: unknown, bytes?: Uint8Array): PhotoRefused {
  const message = (error as Error).message ?? '';
  const incomplete = new PhotoRefused('图片文件不完整或已损坏，未导入。');
  if (bytes !== undefined && endsEarly(bytes, sniffFormat(bytes))) return incomplete;
  if (/pixel limit/i.test(message)) return new PhotoRefused(`图片尺寸过大（超过 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素），未导入。`);
  if (/premature end|truncated|unexpected end|corrupt|bad huffman|invalid/i.test(message)) return incomplete;
  return new PhotoRefused('无法读取这张图片（文件可能已损坏），未导入。');
}

export interface InspectedPhoto {
  format: PhotoFormat;
  /** as the photo is seen: EXIF orientation applied */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when absent) */
  orientation: number;
  metadata: PhotoMetadata;
}

export async function inspectPhoto(bytes: Buffer): Promise<InspectedPhoto> {
  if (bytes.length === 0) throw new PhotoRefused('文件是空的，未导入。');
  const format = sniffFormat(bytes);
  if (format === null) {
    throw new PhotoRefused(looksLikeText(bytes) ? '这不是图片文件（内容是文字），未导入。' : '不支持的文件格式，只能导入 JPEG、PNG、WebP 或 TIFF 图片。');
  }
  let info: Metadata;
  try {
    info = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (error) {
    throw refusalFor(error, bytes);
  }
  if (!info.width || !info.height) throw new PhotoRefused('图片没有有效的尺寸，未导入。');
  if (info.width * info.height > MAX_INPUT_PIXELS) throw refusalFor(new Error('pixel limit'));
  const orientation = info.orientation ?? 1;
  const turned = orientation >= 5;
  let metadata: PhotoMetadata;
  try {
    metadata = await readPhotoMetadata(bytes, format);
  } catch (error) {
    if (error instanceof MetadataRefused) throw new PhotoRefused(error.message);
    throw error;
  }
  return {
    format,
    width: turned ? info.height : info.width,
    height: turned ? info.width : info.height,
    orientation,
    metadata,
  };
}
