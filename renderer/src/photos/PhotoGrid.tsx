import { memo, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { PhotoListItem } from '../../../shared/api/methods/photos';
import { PHOTO_PAGE_SIZE } from './usePhotoPages';

const CELL_WIDTH = 184;
const ROW_HEIGHT = 196;

interface Props {
  items: Map<number, PhotoListItem>;
  total: number;
  selectedId: string | null;
  ensure(index: number): void;
  onSelect(photo: PhotoListItem): void;
}

/**
 * One thumbnail. Plain elements and CSS ellipsis, memoized, its strings made by the grid: a scroll
 * frame re-renders the grid, and antd's measured ellipsis, a translation hook per cell or a re-render
 * of every cell would cost more than the frame has.
 */
const PhotoCell = memo(function PhotoCell({ photo, selected, label, usedLabel, onSelect }: { photo: PhotoListItem; selected: boolean; label: string; usedLabel: string | null; onSelect(photo: PhotoListItem): void }) {
  return (
    <div role="listitem">
      <button type="button" className={`photo-cell${selected ? ' photo-cell-selected' : ''}`} aria-label={label} aria-pressed={selected} onClick={() => onSelect(photo)}>
        {photo.thumbnail ? <img src={photo.thumbnail} alt="" decoding="async" /> : <span className="photo-cell-missing" />}
        <span className="photo-cell-caption">{photo.caption || photo.originalName}</span>
        {usedLabel && <span className="photo-cell-used">{usedLabel}</span>}
      </button>
    </div>
  );
});

/**
 * Rows of thumbnails, virtualized by row: only the rows on screen (and a few around them) are in
 * the DOM, so scrolling 5,000 photos stays smooth. The column count follows the panel's width.
 */
export function PhotoGrid({ items, total, selectedId, ensure, onSelect }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setColumns(Math.max(1, Math.floor((element.clientWidth - 8) / CELL_WIDTH))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rowCount = Math.ceil(total / columns);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 3, useFlushSync: false });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows.at(-1)?.index ?? 0;

  // The rows on screen, and one page beyond them, so a steady scroll finds its thumbnails loaded.
  useEffect(() => {
    const from = firstRow * columns;
    const to = Math.min(total - 1, (lastRow + 1) * columns - 1 + PHOTO_PAGE_SIZE);
    for (let index = from; index <= to; index += Math.min(columns, PHOTO_PAGE_SIZE)) if (!items.has(index)) ensure(index);
    if (to >= 0 && !items.has(to)) ensure(to);
  }, [firstRow, lastRow, columns, items, ensure, total]);

  return (
    <div ref={scrollRef} className="photo-grid" data-testid="photo-grid" role="list" aria-label={t('photoDesk.grid')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => (
          <div key={row.key} className="photo-grid-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
            {Array.from({ length: columns }, (_, c) => row.index * columns + c)
              .filter((index) => index < total)
              .map((index) => {
                const photo = items.get(index);
                if (!photo) return <div key={index} className="photo-cell photo-cell-loading" role="listitem" aria-busy="true" />;
                return (
                  <PhotoCell
                    key={photo.id}
                    photo={photo}
                    selected={photo.id === selectedId}
                    label={t('photoDesk.open', { name: photo.caption || photo.originalName })}
                    usedLabel={photo.useCount > 0 ? t('photoDesk.usedCount', { count: photo.useCount }) : null}
                    onSelect={onSelect}
                  />
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}
