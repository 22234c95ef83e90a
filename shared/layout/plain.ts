/**
 * Copy-fit of a plain-text file (one paragraph a line) for the CLI, where the column width is
 * given directly as `cpl` instead of through a page template.
 *   slot = `columns` columns of `cpl` characters, `lines` deep (columns default 1);
 *   capacityLines = columns × (lines − headlineLines); capacityChars = capacityLines × cpl;
 *   overLines = bodyLines − capacityLines; overChars as in fitBody (exact overset when over,
 *   negative room left when under).
 * Without `lines` there is no slot and the capacity/over fields are null.
 */
import { linesForCells, textStats, paragraphStats } from '../text/count';
import { DEFAULT_TEMPLATES, pitchPt as templatePitch } from './geometry';
import { headlineDepthLines } from './headline';
import { fitBody } from './overset';

export interface CopyfitPlainOptions {
  cpl: number;
  columns?: number;
  lines?: number;
  /** headline line sizes in pt */
  headlinePt?: readonly number[];
  headlineGapLines?: number;
  /** body line pitch in pt; default the broadsheet's 11.25 */
  pitchPt?: number;
  indent?: number;
}

export interface CopyfitPlainResult {
  chars: number;
  cells: number;
  paragraphs: number;
  bodyLines: number;
  headlineLines: number;
  capacityLines: number | null;
  capacityChars: number | null;
  overChars: number | null;
  overLines: number | null;
}

const DEFAULT_PITCH_PT = DEFAULT_TEMPLATES[0] ? templatePitch(DEFAULT_TEMPLATES[0]) : 11.25;

function splitPlainParagraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function copyfitPlain(text: string, options: CopyfitPlainOptions): CopyfitPlainResult {
  const { cpl } = options;
  const indent = options.indent ?? 2;
  const paragraphs = splitPlainParagraphs(text);
  const stats = textStats(paragraphs);
  const cells = paragraphs.map((p) => paragraphStats(p).cells);
  const bodyLines = linesForCells(cells, cpl, indent);
  const sizes = options.headlinePt ?? [];
  const headlineLines = headlineDepthLines({
    sizesPt: sizes,
    pitchPt: options.pitchPt ?? DEFAULT_PITCH_PT,
    gapLines: options.headlineGapLines,
  });
  const base = { ...stats, bodyLines, headlineLines };
  if (options.lines === undefined) {
    return { ...base, capacityLines: null, capacityChars: null, overChars: null, overLines: null };
  }
  const columns = options.columns ?? 1;
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`栏数必须是正整数，收到 ${String(columns)}`);
  if (!Number.isInteger(options.lines) || options.lines < 0) {
    throw new RangeError(`行数必须是非负整数，收到 ${String(options.lines)}`);
  }
  const capacityLines = columns * (options.lines - headlineLines);
  const fit = fitBody(cells, cpl, indent, capacityLines);
  return {
    ...base,
    capacityLines,
    capacityChars: capacityLines * cpl,
    overChars: fit.overChars,
    overLines: fit.overLines,
  };
}
