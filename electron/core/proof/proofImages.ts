/**
 * Images for the proof: the original file at full resolution (never the screen preview), turned to
 * grey for a black-and-white proof, converted to JPEG when pdfkit cannot embed the format (WebP, TIFF).
 * Anything printed below 300 dpi is reported, because the press needs that to print it sharp.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const PRINT_DPI = 300;

export interface ProofImage {
  data: Buffer;
  width: number;
  height: number;
}

/** The image's bytes as the PDF embeds them; null when the file is gone or cannot be read. */
export async function loadProofImage(dataDir: string, file: string, mime: string, grey: boolean): Promise<ProofImage | null> {
  const full = path.join(dataDir, file);
  if (!fs.existsSync(full)) return null;
  try {
    // rotate() applies the EXIF orientation, as the photo desk shows the photo.
    const pipeline = sharp(full).rotate();
    if (!grey && /jpeg|png/.test(mime)) {
      const meta = await sharp(full).metadata();
      const turned = (meta.orientation ?? 1) >= 5;
      return { data: fs.readFileSync(full), width: (turned ? meta.height : meta.width) ?? 0, height: (turned ? meta.width : meta.height) ?? 0 };
    }
    const out = await (grey ? pipeline.toColourspace('b-w') : pipeline).jpeg({ quality: 92 }).toBuffer({ resolveWithObject: true });
    return { data: out.data, width: out.info.width, height: out.info.height };
  } catch {
    return null;
  }
}

/** Effective resolution of an image `pixels` wide printed `points` wide. */
export function effectiveDpi(pixels: number, points: number): number {
  return Math.round((pixels / points) * 72);
}
