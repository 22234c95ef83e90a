/**
 * Where a slot may go: inside the type area (版心), at least one column and one line, over no other
 * slot. The board checks while dragging; the main side checks again before storing, with the same words.
 */
import type { PageTemplate } from './geometry';
import { SLOT_KIND_LABELS, type LayoutSlot, type SlotRect } from './board';

function rectsOverlap(a: SlotRect, b: SlotRect): boolean {
  return a.col < b.col + b.columns && b.col < a.col + a.columns && a.line < b.line + b.lines && b.line < a.line + a.lines;
}

/** Why the rectangle cannot hold a slot, in a sentence; null when it can. */
export function slotRefusal(
  rect: SlotRect,
  template: Pick<PageTemplate, 'columns' | 'linesPerColumn'>,
  others: readonly Pick<LayoutSlot, 'id' | 'kind' | 'label' | keyof SlotRect>[],
  ignoreId?: string,
): string | null {
  const { col, line, columns, lines } = rect;
  if (![col, line, columns, lines].every(Number.isInteger)) return '稿位的位置和大小必须是整栏、整行';
  if (columns < 1 || lines < 1) return `稿位大小为 ${columns} 栏 × ${lines} 行：至少要 1 栏宽、1 行高`;
  if (col < 0 || line < 0 || col + columns > template.columns || line + lines > template.linesPerColumn) {
    return `稿位（第 ${col + 1}～${col + columns} 栏，第 ${line + 1}～${line + lines} 行）超出版心：本版只有 ${template.columns} 栏、每栏 ${template.linesPerColumn} 行`;
  }
  for (const other of others) {
    if (other.id === ignoreId) continue;
    if (rectsOverlap(rect, other)) {
      const name = other.label || SLOT_KIND_LABELS[other.kind];
      return `与稿位“${name}”（第 ${other.col + 1} 栏第 ${other.line + 1} 行起）重叠`;
    }
  }
  return null;
}

/** Keeps a dragged rectangle on the grid and inside the type area; size first, then position. */
export function clampRect(rect: SlotRect, template: Pick<PageTemplate, 'columns' | 'linesPerColumn'>): SlotRect {
  const columns = Math.min(Math.max(1, Math.round(rect.columns)), template.columns);
  const lines = Math.min(Math.max(1, Math.round(rect.lines)), template.linesPerColumn);
  return {
    columns,
    lines,
    col: Math.min(Math.max(0, Math.round(rect.col)), template.columns - columns),
    line: Math.min(Math.max(0, Math.round(rect.line)), template.linesPerColumn - lines),
  };
}

/** The first place, top to bottom then left to right, where a slot of this size fits; null when the page is full. */
export function findFreeRect(
  size: Pick<SlotRect, 'columns' | 'lines'>,
  template: Pick<PageTemplate, 'columns' | 'linesPerColumn'>,
  others: readonly SlotRect[],
): SlotRect | null {
  const columns = Math.min(size.columns, template.columns);
  for (let lines = Math.min(size.lines, template.linesPerColumn); lines >= 1; lines = Math.floor(lines / 2)) {
    for (let line = 0; line + lines <= template.linesPerColumn; line++) {
      for (let col = 0; col + columns <= template.columns; col++) {
        const rect = { col, line, columns, lines };
        if (!others.some((o) => rectsOverlap(rect, o))) return rect;
      }
    }
  }
  return null;
}
