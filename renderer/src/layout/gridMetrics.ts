import type { PageTemplate } from '../../../shared/layout/geometry';
import type { SlotRect } from '../../../shared/layout/board';

/** Screen pixels of one body character at zoom 1: a broadsheet's 111 characters across are 666 px. */
const CELL_PX = 6;

export interface GridMetrics {
  /** px from the left of one basic column to the next (column + gutter) */
  colPx: number;
  /** px of one column's text width */
  columnPx: number;
  linePx: number;
  widthPx: number;
  heightPx: number;
}

/** The page drawn to scale: cells are square, a line is the leading pitch (1.25 cells for 9 pt on 11.25 pt). */
export function gridMetrics(template: PageTemplate, zoom: number): GridMetrics {
  const cell = CELL_PX * zoom;
  const colPx = (template.charsPerColumn + template.gutterChars) * cell;
  const columnPx = template.charsPerColumn * cell;
  const linePx = cell * (1 + template.leadingRatio);
  return { colPx, columnPx, linePx, widthPx: colPx * template.columns - template.gutterChars * cell, heightPx: linePx * template.linesPerColumn };
}

export function rectStyle(rect: SlotRect, m: GridMetrics): { left: number; top: number; width: number; height: number } {
  return { left: rect.col * m.colPx, top: rect.line * m.linePx, width: (rect.columns - 1) * m.colPx + m.columnPx, height: rect.lines * m.linePx };
}

/** Pixel offsets snapped to whole columns and lines. */
export function snap(dx: number, dy: number, m: GridMetrics): { cols: number; lines: number } {
  return { cols: Math.round(dx / m.colPx), lines: Math.round(dy / m.linePx) };
}
