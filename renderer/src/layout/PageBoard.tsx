import { forwardRef } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { PageTemplate } from '../../../shared/layout/geometry';
import type { BudgetStory, LayoutPage, SlotRect } from '../../../shared/layout/board';
import type { BoardFit } from '../../../shared/layout/boardFit';
import { SlotBox } from './SlotBox';
import { FACE_CSS, typographyOf } from '../../../shared/layout/typography';
import type { GridMetrics } from './gridMetrics';

interface Props {
  page: LayoutPage;
  template: PageTemplate;
  metrics: GridMetrics;
  fit: BoardFit;
  stories: ReadonlyMap<string, BudgetStory>;
  selectedSlotId: string | null;
  editable: boolean;
  onSelect(slotId: string | null): void;
  onRect(slotId: string, rect: SlotRect): void;
  onRemove(slotId: string): void;
}

/** The page on its column and line grid, to scale; a drop target for stories from the budget. */
export const PageBoard = forwardRef<HTMLDivElement, Props>(function PageBoard(
  { page, template, metrics, fit, stories, selectedSlotId, editable, onSelect, onRect, onRemove },
  ref,
) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: 'page', disabled: !editable });
  const every10 = metrics.linePx * 10;
  // Headlines on the board in the face the proof prints them in (by CSS family, with fallbacks).
  const headlineFace = FACE_CSS[typographyOf(template).headline.face];
  return (
    <div
      ref={(node) => {
        setNodeRef(node);
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      role="region"
      aria-label={t('layout.board.label', { number: page.number, name: page.name, columns: template.columns, lines: template.linesPerColumn })}
      className={`layout-page${isOver ? ' layout-page--over' : ''}`}
      style={{
        width: metrics.widthPx,
        height: metrics.heightPx,
        backgroundImage: [
          `repeating-linear-gradient(to right, rgba(22,119,255,0.07) 0 ${metrics.columnPx}px, transparent ${metrics.columnPx}px ${metrics.colPx}px)`,
          `repeating-linear-gradient(to bottom, transparent 0 ${every10 - 1}px, rgba(0,0,0,0.08) ${every10 - 1}px ${every10}px)`,
        ].join(','),
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onSelect(null);
      }}
    >
      {page.slots.map((slot) => (
        <SlotBox
          key={slot.id}
          slot={slot}
          story={slot.articleId ? stories.get(slot.articleId) : undefined}
          fit={fit.slots.get(slot.id)}
          metrics={metrics}
          headlineFace={headlineFace}
          selected={slot.id === selectedSlotId}
          editable={editable}
          onSelect={() => onSelect(slot.id)}
          onRect={(rect) => onRect(slot.id, rect)}
          onRemove={() => onRemove(slot.id)}
        />
      ))}
    </div>
  );
});
