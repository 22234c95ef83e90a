import { linesForCells } from '../../../shared/text/count';

/** Paragraph indent in characters (§3): every printed paragraph starts two cells in. */
const INDENT = 2;

export interface CopyfitInput {
  chars: number;
  cells: number;
  /** cells of each printed paragraph of the body */
  paragraphCells: readonly number[];
  /** cells of what runs in front of the first paragraph (the 电头) */
  leadCells: number;
  /** cells of what follows the last paragraph (the end credit) */
  tailCells: number;
  cpl: number;
  targetChars: number | null;
}

interface TargetFit {
  targetChars: number;
  targetLines: number;
  /** characters over the target (negative: short) */
  charDiff: number;
  /** lines over the target's lines (negative: short) */
  lineDiff: number;
  /** share of the target filled, 0–1 */
  share: number;
}

export interface Copyfit {
  lines: number;
  target: TargetFit | null;
}

/** The printed paragraphs' cells: the 电头 runs into the first, the end credit closes the last. */
export function printedCells(paragraphCells: readonly number[], leadCells: number, tailCells: number): number[] {
  const cells = paragraphCells.length > 0 ? [...paragraphCells] : leadCells + tailCells > 0 ? [0] : [];
  if (cells.length > 0) {
    cells[0] = cells[0]! + leadCells;
    cells[cells.length - 1] = cells[cells.length - 1]! + tailCells;
  }
  return cells;
}

/**
 * Lines the target would take at `cpl` with the story's paragraph count P:
 *   ⌈(T × r + lead + tail + 2P) / cpl + P / 2⌉
 * T target characters, r = cells per character of the copy so far (1 before any text: Chinese),
 * 2P the indents, and P/2 because a paragraph's last line is on average half empty.
 * 800 characters in 6 paragraphs at 13: ⌈(800 + 12)/13 + 3⌉ = ⌈65.5⌉ = 66 lines, as §3's worked example.
 */
export function targetLines(input: Omit<CopyfitInput, 'targetChars'> & { targetChars: number }): number {
  const p = Math.max(1, input.paragraphCells.length);
  const cellsPerChar = input.chars > 0 ? input.cells / input.chars : 1;
  const cells = input.targetChars * cellsPerChar + input.leadCells + input.tailCells;
  return Math.ceil((cells + INDENT * p) / input.cpl + p / 2);
}

/** Current lines (Σ ⌈(2 + cellsᵢ)/cpl⌉ as printed) and, with a target, over/under in characters and lines. */
export function copyfit(input: CopyfitInput): Copyfit {
  const lines = linesForCells(printedCells(input.paragraphCells, input.leadCells, input.tailCells), input.cpl, INDENT);
  if (input.targetChars === null || input.targetChars <= 0) return { lines, target: null };
  const tLines = targetLines({ ...input, targetChars: input.targetChars });
  return {
    lines,
    target: {
      targetChars: input.targetChars,
      targetLines: tLines,
      charDiff: input.chars - input.targetChars,
      lineDiff: lines - tLines,
      share: Math.min(1, input.chars / input.targetChars),
    },
  };
}
