/**
 * Photo area in body lines (§3). The §3 formula adds "+ 1" line, but its own worked example
 * (17 image lines + 2 caption lines = 19) does not: we follow the worked example, and the +1 —
 * a blank line between photo and text — is the `gapLines` option (default 0).
 */
import { cellMm, cplForColumns, pitchMm, type PageTemplate } from './geometry';

const EPS = 1e-9;

export interface PhotoSpec {
  /** width in basic columns */
  columnsWide: number;
  /** height / width: a 4:3 landscape photo is 0.75 */
  aspect: number;
  /** caption lines under the photo; default 2 [INF] */
  captionLines?: number;
  /** blank lines between photo block and text; default 0 (see above) */
  gapLines?: number;
}

export interface PhotoGeometry {
  widthMm: number;
  heightMm: number;
  /** ⌈height / pitch⌉ */
  imageLines: number;
  /** imageLines + captionLines + gapLines */
  depthLines: number;
  /** depthLines × columnsWide: the area counted against the story, in 栏行 */
  columnLines: number;
}

type PhotoTemplate = Pick<PageTemplate, 'columns' | 'charsPerColumn' | 'gutterChars' | 'bodyPt' | 'leadingRatio'>;

export function photoGeometry(spec: PhotoSpec & { template: PhotoTemplate }): PhotoGeometry {
  const { template, columnsWide, aspect } = spec;
  const captionLines = spec.captionLines ?? 2;
  const gapLines = spec.gapLines ?? 0;
  if (!(Number.isFinite(aspect) && aspect > 0)) throw new RangeError(`图片高宽比必须大于 0，收到 ${String(aspect)}`);
  if (!(Number.isInteger(captionLines) && captionLines >= 0)) throw new RangeError('图片说明行数必须是非负整数');
  if (!(Number.isInteger(gapLines) && gapLines >= 0)) throw new RangeError('图片空行数必须是非负整数');
  const widthMm = cplForColumns(template, columnsWide) * cellMm(template);
  const heightMm = widthMm * aspect;
  const imageLines = Math.ceil(heightMm / pitchMm(template) - EPS);
  const depthLines = imageLines + captionLines + gapLines;
  return { widthMm, heightMm, imageLines, depthLines, columnLines: depthLines * columnsWide };
}

/** Column-lines (栏行) a photo takes: 2 columns 4:3 on a broadsheet → 19 × 2 = 38. */
export function photoColumnLines(spec: PhotoSpec & { template: PhotoTemplate }): number {
  return photoGeometry(spec).columnLines;
}
