/**
 * Non-destructive crops: a named rectangle per use (一版导读, 二版 3 栏 …) stored as fractions of the
 * photo after its rotation, so the original file is never touched and any output size can be cut
 * from it. Presets follow the page grid: a crop for n columns has the width of n 栏 and a height
 * the picture editor chooses by aspect, and shows the 栏行 the layout will count.
 */
import { photoGeometry } from '../layout/photo';
import type { PageTemplate } from '../layout/geometry';

export type Rotation = 0 | 90 | 180 | 270;

export interface CropRect {
  /** fractions 0…1 of the rotated photo */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PhotoCrop extends CropRect {
  name: string;
  /** the preset it was cut for, if any: width in columns and height / width */
  columns?: number;
  aspect?: number;
}

export interface CropPreset {
  id: string;
  label: string;
  columns: number;
  /** height / width */
  aspect: number;
  widthMm: number;
  heightMm: number;
  /** 栏行 the photo takes with two caption lines */
  columnLines: number;
}

const SHAPES: readonly { key: string; label: string; aspect: number }[] = [
  { key: 'wide', label: '横 16:9', aspect: 9 / 16 },
  { key: 'landscape', label: '横 4:3', aspect: 3 / 4 },
  { key: 'square', label: '方 1:1', aspect: 1 },
  { key: 'portrait', label: '竖 3:4', aspect: 4 / 3 },
];

type PresetTemplate = Pick<PageTemplate, 'columns' | 'charsPerColumn' | 'gutterChars' | 'bodyPt' | 'leadingRatio'>;

/** The widths desks use (1–4 columns, half and full page width) in each shape. */
export function cropPresets(template: PresetTemplate): CropPreset[] {
  const widths = [...new Set([1, 2, 3, 4, Math.floor(template.columns / 2) + 1, template.columns])].filter((n) => n <= template.columns).sort((a, b) => a - b);
  return widths.flatMap((columns) =>
    SHAPES.map((shape) => {
      const g = photoGeometry({ template, columnsWide: columns, aspect: shape.aspect });
      return {
        id: `${columns}-${shape.key}`,
        label: `${columns} 栏 · ${shape.label}`,
        columns,
        aspect: shape.aspect,
        widthMm: Math.round(g.widthMm),
        heightMm: Math.round(g.heightMm),
        columnLines: g.columnLines,
      };
    }),
  );
}

/** The size of the photo after a quarter-turn rotation. */
export function rotatedSize(width: number, height: number, rotation: Rotation): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/** The largest rectangle of the given height/width aspect, centred on (cx, cy), inside the photo. */
export function fitCrop(photo: { width: number; height: number }, aspect: number, centre = { x: 0.5, y: 0.5 }): CropRect {
  let w = photo.width;
  let h = w * aspect;
  if (h > photo.height) {
    h = photo.height;
    w = h / aspect;
  }
  const width = w / photo.width;
  const height = h / photo.height;
  return {
    x: clamp(centre.x - width / 2, 0, 1 - width),
    y: clamp(centre.y - height / 2, 0, 1 - height),
    width,
    height,
  };
}

/** The centre of a crop, in fractions of the photo. */
export function cropCentre(rect: CropRect): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** A crop of the given size centred as near `centre` as the photo allows (never larger than the photo). */
export function cropAround(centre: { x: number; y: number }, width: number, height: number): CropRect {
  const w = clamp(width, 0, 1);
  const h = clamp(height, 0, 1);
  return { x: clamp(centre.x - w / 2, 0, 1 - w), y: clamp(centre.y - h / 2, 0, 1 - h), width: w, height: h };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(Math.max(v, min), max);
}

/** Pixel rectangle of a crop on a photo of the given (rotated) size, never outside it and at least 1 px. */
export function cropPixels(rect: CropRect, size: { width: number; height: number }): { left: number; top: number; width: number; height: number } {
  const left = clamp(Math.round(rect.x * size.width), 0, size.width - 1);
  const top = clamp(Math.round(rect.y * size.height), 0, size.height - 1);
  const width = clamp(Math.round(rect.width * size.width), 1, size.width - left);
  const height = clamp(Math.round(rect.height * size.height), 1, size.height - top);
  return { left, top, width, height };
}
