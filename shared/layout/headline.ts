/** Headline depth and width on the body-line grid (§3). */

const EPS = 1e-9;

export interface HeadlineDepthInput {
  /** point size of each headline line, e.g. 主题 一号 + 副题 小三 = [26, 15] */
  sizesPt: readonly number[];
  /** body line pitch in points */
  pitchPt: number;
  /** blank body lines above, between and below; §3's worked example uses one each = lines + 1 */
  gapLines?: number;
}

/** H = ⌈Σ sizes / pitch + gap lines⌉; (26 + 15) / 11.25 + 3 = 6.64 → 7. */
export function headlineDepthLines({ sizesPt, pitchPt, gapLines }: HeadlineDepthInput): number {
  if (!(Number.isFinite(pitchPt) && pitchPt > 0)) {
    throw new RangeError(`行距必须大于 0，收到 ${String(pitchPt)}`);
  }
  if (sizesPt.length === 0) return 0;
  let sum = 0;
  for (const s of sizesPt) {
    if (!(Number.isFinite(s) && s > 0)) throw new RangeError(`标题字号必须大于 0，收到 ${String(s)}`);
    sum += s;
  }
  const gaps = gapLines ?? sizesPt.length + 1;
  if (!(Number.isFinite(gaps) && gaps >= 0)) throw new RangeError(`标题空行数不能为负，收到 ${String(gaps)}`);
  return Math.ceil(sum / pitchPt + gaps - EPS);
}

/** ⌊cpl × body / headline⌋: most characters a headline line of that size holds (41 × 9/26 → 14). */
export function headlineCharsPerLine(cplAcross: number, bodyPt: number, headlinePt: number): number {
  if (!(headlinePt > 0 && bodyPt > 0 && cplAcross > 0)) {
    throw new RangeError('栏宽、正文字号和标题字号都必须大于 0');
  }
  return Math.floor((cplAcross * bodyPt) / headlinePt + EPS);
}
