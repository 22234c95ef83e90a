import sharp, { type OutputInfo } from 'sharp';
import { cropPixels, rotatedSize, type CropRect, type Rotation } from '../../../shared/photos/crops';
import type { ExportExif } from '../../../shared/photos/metadata';
import { MAX_INPUT_PIXELS } from './inspectPhoto';

export interface RenderOptions {
  /** upright size of the original (EXIF orientation applied) */
  width: number;
  height: number;
  rotation: Rotation;
  crop?: CropRect;
  /** longer side of the output; the full resolution when absent */
  maxSize?: number;
  quality: number;
  /** EXIF to write (an export's camera data); none when absent */
  exif?: ExportExif;
}

/**
 * The photo as a use will print it: upright, turned, cut — computed from the original every time,
 * which is never written to. Extract runs after the rotations in sharp's pipeline, so the crop's
 * fractions are of the turned photo.
 */
export function renderPhoto(originalPath: string, o: RenderOptions): Promise<{ data: Buffer; info: OutputInfo }> {
  let pipeline = sharp(originalPath, { limitInputPixels: MAX_INPUT_PIXELS }).autoOrient().rotate(o.rotation);
  if (o.crop) pipeline = pipeline.extract(cropPixels(o.crop, rotatedSize(o.width, o.height, o.rotation)));
  if (o.maxSize) pipeline = pipeline.resize({ width: o.maxSize, height: o.maxSize, fit: 'inside', withoutEnlargement: true });
  if (o.exif) pipeline = pipeline.withExif(o.exif);
  return pipeline.keepIccProfile().jpeg({ quality: o.quality }).toBuffer({ resolveWithObject: true });
}
