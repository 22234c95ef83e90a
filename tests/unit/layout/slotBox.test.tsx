// @vitest-environment jsdom
import '@ant-design/v5-patch-for-react-19';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DndContext } from '@dnd-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../../renderer/src/i18n/index';
import { SlotBox } from '../../../renderer/src/layout/SlotBox';
import { gridMetrics, rectStyle, snap } from '../../../renderer/src/layout/gridMetrics';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import type { LayoutSlot } from '../../../shared/layout/board';
import type { BoardSlotFit } from '../../../shared/layout/boardFit';
import { fitSlot } from '../../../shared/layout/slot';

const T = DEFAULT_TEMPLATES[0]!;
const slot: LayoutSlot = { id: 's', pageId: 'p', kind: 'article', col: 2, line: 10, columns: 3, lines: 20, textColumns: null, articleId: 'a', photoId: null, photoColumns: null, continuesFrom: null, headlinePt: [22], label: '', version: 1 };
const over: BoardSlotFit = {
  slotId: 's',
  pageId: 'p',
  fit: fitSlot({ template: T, columns: 3, lines: 20, headline: { sizesPt: [22] }, paragraphCells: Array(10).fill(100) }),
  jumpOut: '（下转4版）',
  jumpIn: null,
  pending: true,
  startParagraph: 0,
  startCells: 0,
  carriedLines: 0,
};

afterEach(cleanup);

function renderSlot(onRect = vi.fn(), onRemove = vi.fn()) {
  render(
    <DndContext>
      <SlotBox slot={slot} story={undefined} fit={over} metrics={gridMetrics(T, 1)} selected={false} editable onSelect={() => {}} onRect={onRect} onRemove={onRemove} />
    </DndContext>,
  );
  return { onRect, onRemove };
}

describe('a slot on the board', () => {
  it('names its place and its copy-fit, coloured over, with the jump line and the pending mark', () => {
    renderSlot();
    const box = screen.getByRole('button', { name: /第 3 栏第 11 行起，3 栏 × 20 行，超 \d+ 行/ });
    expect(box.className).toContain('layout-fit--over');
    expect(box.textContent).toContain('（下转4版）');
    expect(box.textContent).toContain('待签发');
  });

  it('arrow keys move it by a column or a line, Shift resizes, Delete removes', () => {
    const { onRect, onRemove } = renderSlot();
    const box = screen.getByRole('button', { name: /^稿位/ });
    fireEvent.keyDown(box, { key: 'ArrowRight' });
    expect(onRect).toHaveBeenLastCalledWith({ col: 3, line: 10, columns: 3, lines: 20 });
    fireEvent.keyDown(box, { key: 'ArrowDown', shiftKey: true });
    expect(onRect).toHaveBeenLastCalledWith({ col: 2, line: 10, columns: 3, lines: 21 });
    fireEvent.keyDown(box, { key: 'Delete' });
    expect(onRemove).toHaveBeenCalled();
  });

  it('an empty slot without a label is named by its kind, in the interface language', async () => {
    const empty = (kind: LayoutSlot['kind']) => (
      <DndContext>
        <SlotBox slot={{ ...slot, kind, articleId: null, label: '' }} story={undefined} fit={undefined} metrics={gridMetrics(T, 1)} selected={false} editable onSelect={() => {}} onRect={vi.fn()} onRemove={vi.fn()} />
      </DndContext>
    );
    const { rerender } = render(empty('ear'));
    expect(screen.getByRole('button', { name: /^稿位：报眼，/ })).toBeTruthy();
    await i18n.changeLanguage('en');
    try {
      rerender(empty('teaser'));
      expect(screen.getByRole('button', { name: /^Slot: Teasers,/ })).toBeTruthy();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});

describe('grid metrics', () => {
  it('draws the broadsheet to scale and snaps offsets to whole columns and lines', () => {
    const m = gridMetrics(T, 1);
    expect(m.widthPx).toBe(111 * 6);
    expect(m.linePx).toBe(7.5);
    expect(rectStyle({ col: 1, line: 2, columns: 2, lines: 4 }, m)).toEqual({ left: 84, top: 15, width: 27 * 6, height: 30 });
    expect(snap(130, -20, m)).toEqual({ cols: 2, lines: -3 });
  });
});
