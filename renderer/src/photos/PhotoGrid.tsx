import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoListItem } from '../../../shared/api/methods/photos';

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
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 4 });
  const rows = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const row of rows) {
      const first = row.index * columns;
      if (!items.has(first)) ensure(first);
      const last = Math.min(total - 1, first + columns - 1);
      if (!items.has(last)) ensure(last);
    }
  }, [rows, columns, items, ensure, total]);

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
                const label = photo.caption || photo.originalName;
                return (
                  <div key={photo.id} role="listitem">
                  <button
                    type="button"
                    className={`photo-cell${photo.id === selectedId ? ' photo-cell-selected' : ''}`}
                    aria-label={t('photoDesk.open', { name: label })}
                    aria-pressed={photo.id === selectedId}
                    onClick={() => onSelect(photo)}
                  >
                    {photo.thumbnail ? <img src={photo.thumbnail} alt="" loading="lazy" decoding="async" /> : <span className="photo-cell-missing">{t('photoDesk.noThumbnail')}</span>}
                    <Typography.Text className="photo-cell-caption" ellipsis>
                      {label}
                    </Typography.Text>
                    {photo.useCount > 0 && (
                      <Tag className="photo-cell-used" color="green">
                        {t('photoDesk.usedCount', { count: photo.useCount })}
                      </Tag>
                    )}
                  </button>
                  </div>
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}
