import { useCallback, useEffect, useRef } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import type { PhotoListItem } from '../../../shared/api/methods/photos';
import { api } from '../api/client';
import { usePagedList } from '../components/usePagedList';

export type PhotoQuery = Omit<InputOf<'photos.list'>, 'offset' | 'limit'>;

export const PHOTO_PAGE_SIZE = 60;

/**
 * The library's rows, fetched a page at a time as the grid scrolls to them (each row carries a
 * thumbnail, so 5,000 photos are never loaded at once), and kept current with other windows.
 */
export function usePhotoPages(query: PhotoQuery) {
  const fetchPage = useCallback((offset: number, limit: number) => api.call('photos.list', { ...query, offset, limit }), [query]);
  const { items, total, error, ensure, reload, mapItems } = usePagedList(fetchPage, PHOTO_PAGE_SIZE);

  /** One photo changed (caption saved, linked): replace it where it is, without refetching the grid. */
  const replace = useCallback(
    // The grid keeps the thumbnail it has; only the caption and counts change here.
    (photo: PhotoListItem) => mapItems((item) => (item.id === photo.id ? { ...photo, thumbnail: item.thumbnail } : item)),
    [mapItems],
  );

  // A photo on the grid saved or linked in another window: its tile follows (after a gap in the events, every tile).
  const shown = useRef(items);
  shown.current = items;
  useEffect(
    () =>
      api.onEvent((event) => {
        const onGrid = new Set([...shown.current.values()].map((item) => item.id));
        const stale = event.type === 'events.resumed' ? [...onGrid] : event.type === 'photo.changed' && onGrid.has(event.photoId) ? [event.photoId] : [];
        for (const photoId of stale) {
          api
            .call('photos.get', { photoId })
            .then(replace)
            .catch(() => undefined);
        }
      }),
    [replace],
  );

  return { items, total, error, ensure, reload, replace };
}
