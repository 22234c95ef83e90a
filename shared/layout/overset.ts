/**
 * Where body text runs out of room, given per-paragraph cells (cached by the editor) and the room
 * left for body text in column-lines.
 *
 * overChars (characters = full-width cells, rounded to whole characters):
 * - over: the cells of text past the overset point — exactly what must be cut from the end for
 *   the text to fit, walking paragraphs with ⌈(indent + cells) / cpl⌉ lines each;
 * - under (negative): how many more characters the last paragraph can take before the text needs
 *   a line beyond capacity = free lines × cpl + the blank end of the last line.
 * So a story over by 5 lines may be over by fewer than 5 × cpl characters: the half-empty last lines
 * of paragraphs are not text to cut.
 */
import { paragraphLines } from '../text/count';

export interface BodyFit {
  bodyLines: number;
  /** column-lines available for body text (negative when headline and photos overflow the slot) */
  capacityLines: number;
  /** bodyLines − capacityLines: positive = lines to cut, negative = free lines */
  overLines: number;
  overChars: number;
  /** first paragraph (index into the input) that does not fit completely */
  oversetParagraph?: number;
  /** cells of that paragraph that still fit; its overset begins after them */
  oversetRoomCells?: number;
}

export function fitBody(cells: readonly number[], cpl: number, indent: number, capacityLines: number): BodyFit {
  let bodyLines = 0;
  for (const c of cells) bodyLines += paragraphLines(c, cpl, indent);
  const overLines = bodyLines - capacityLines;
  let remaining = Math.max(0, Math.floor(capacityLines));

  if (overLines <= 0) {
    let last = -1;
    for (let i = cells.length - 1; i >= 0; i--) {
      if ((cells[i] ?? 0) > 0) {
        last = i;
        break;
      }
    }
    remaining -= bodyLines;
    let room: number;
    if (last < 0) {
      room = Math.max(0, remaining * cpl - indent);
    } else {
      const c = cells[last] ?? 0;
      room = remaining * cpl + paragraphLines(c, cpl, indent) * cpl - (indent + c);
    }
    return { bodyLines, capacityLines, overLines, overChars: -Math.floor(room) || 0 };
  }

  let overCells = 0;
  let oversetParagraph: number | undefined;
  let oversetRoomCells = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] ?? 0;
    if (c <= 0) continue;
    if (oversetParagraph !== undefined) {
      overCells += c;
      continue;
    }
    const n = paragraphLines(c, cpl, indent);
    if (n <= remaining) {
      remaining -= n;
      continue;
    }
    oversetParagraph = i;
    oversetRoomCells = Math.max(0, remaining * cpl - indent);
    overCells += c - oversetRoomCells;
  }
  const result: BodyFit = { bodyLines, capacityLines, overLines, overChars: Math.ceil(overCells) };
  if (oversetParagraph !== undefined) {
    result.oversetParagraph = oversetParagraph;
    result.oversetRoomCells = oversetRoomCells;
  }
  return result;
}
