import { useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { BudgetStory, LayoutSlot, SlotRect } from '../../../shared/layout/board';
import type { BoardSlotFit } from '../../../shared/layout/boardFit';
import { rectStyle, type GridMetrics } from './gridMetrics';
import { fitText } from './fitText';

interface Props {
  slot: LayoutSlot;
  story: BudgetStory | undefined;
  fit: BoardSlotFit | undefined;
  metrics: GridMetrics;
  /** the template's 主题 face, as CSS */
  headlineFace?: CSSProperties;
  selected: boolean;
  editable: boolean;
  onSelect(): void;
  /** a keyboard nudge or a finished resize: the new rectangle, not yet checked */
  onRect(rect: SlotRect): void;
  onRemove(): void;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** One slot drawn on the grid: what it holds, its copy-fit coloured (blue short, red over), jump lines; drag to move, handle to resize, arrows to nudge. */
export function SlotBox({ slot, story, fit, metrics, headlineFace, selected, editable, onSelect, onRect, onRemove }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `slot:${slot.id}`, data: { slotId: slot.id }, disabled: !editable });
  const [resize, setResize] = useState<{ columns: number; lines: number } | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const rect = { ...slot, ...(resize ?? {}) };
  const box = rectStyle(rect, metrics);
  const status = fit ? fit.fit.status : 'none';
  const title = story ? story.headline : slot.label || t(`layout.slotKinds.${slot.kind}`);
  const name = `${t('layout.slot.name', { title, col: slot.col + 1, line: slot.line + 1, columns: slot.columns, lines: slot.lines })}${fit ? `，${fitText(t, fit.fit)}` : ''}`;

  const onKeyDown = (e: KeyboardEvent) => {
    const arrow = ARROWS[e.key];
    if (arrow && editable) {
      e.preventDefault();
      const [dx, dy] = arrow;
      const step = e.altKey ? 5 : 1;
      onRect(
        e.shiftKey
          ? { col: slot.col, line: slot.line, columns: slot.columns + dx, lines: slot.lines + dy * step }
          : { col: slot.col + dx, line: slot.line + dy * step, columns: slot.columns, lines: slot.lines },
      );
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && editable) {
      e.preventDefault();
      onRemove();
    }
  };

  const onResizeDown = (e: ReactPointerEvent) => {
    e.stopPropagation();
    e.preventDefault();
    start.current = { x: e.clientX, y: e.clientY };
    const move = (ev: PointerEvent) => {
      if (!start.current) return;
      setResize({
        columns: Math.max(1, slot.columns + Math.round((ev.clientX - start.current.x) / metrics.colPx)),
        lines: Math.max(1, slot.lines + Math.round((ev.clientY - start.current.y) / metrics.linePx)),
      });
    };
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (!start.current) return;
      const columns = Math.max(1, slot.columns + Math.round((ev.clientX - start.current.x) / metrics.colPx));
      const lines = Math.max(1, slot.lines + Math.round((ev.clientY - start.current.y) / metrics.linePx));
      start.current = null;
      setResize(null);
      if (columns !== slot.columns || lines !== slot.lines) onRect({ col: slot.col, line: slot.line, columns, lines });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      role="button"
      aria-roledescription={t('layout.slot.role')}
      aria-label={name}
      aria-pressed={selected}
      tabIndex={0}
      className={`layout-slot layout-slot--${slot.kind} layout-fit--${status}${selected ? ' layout-slot--selected' : ''}${fit?.pending ? ' layout-slot--pending' : ''}`}
      style={{ ...box, transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined, zIndex: isDragging ? 10 : undefined }}
      onClick={onSelect}
      onFocus={onSelect}
      onKeyDown={onKeyDown}
    >
      {fit?.jumpIn && <div className="layout-slot__jump">{fit.jumpIn}</div>}
      <div className="layout-slot__title" style={story ? headlineFace : undefined}>
        {title}
      </div>
      {fit && <div className="layout-slot__fit">{fitText(t, fit.fit)}</div>}
      {fit?.pending && <div className="layout-slot__pending">{t('layout.slot.pending')}</div>}
      {slot.textColumns && slot.textColumns !== slot.columns && <div className="layout-slot__meta">{t('layout.slot.split', { columns: slot.columns, text: slot.textColumns })}</div>}
      {slot.photoId && <div className="layout-slot__meta">{t('layout.slot.photo', { columns: slot.photoColumns ?? slot.columns })}</div>}
      {fit?.jumpOut && <div className="layout-slot__jump layout-slot__jump--out">{fit.jumpOut}</div>}
      {editable && (
        <span
          className="layout-slot__resize"
          role="presentation"
          title={t('layout.slot.resize')}
          onPointerDown={onResizeDown}
        />
      )}
    </div>
  );
}
