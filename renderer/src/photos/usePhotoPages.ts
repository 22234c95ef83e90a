import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import type { PhotoListItem } from '../../../shared/api/methods/photos';
import { api } from '../api/client';
import { errorText } from '../api/errorText';

export type PhotoQuery = Omit<InputOf<'photos.list'>, 'offset' | 'limit'>;

export const PHOTO_PAGE_SIZE = 60;

/**
 * The library's rows, fetched a page at a time as the grid scrolls to them (each row carries a
 * thumbnail, so 5,000 photos are never loaded at once). A new query starts a new generation, and
 * pages that arrive for an old one are dropped.
 */
export function usePhotoPages(query: PhotoQuery) {
  const [items, setItems] = useState<Map<number, PhotoListItem>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(new Set<number>());
  const generation = useRef(0);

  const show = useCallback((page: number, gen: number, result: { items: PhotoListItem[]; total: number }) => {
    if (gen !== generation.current) return;
    setTotal(result.total);
    setError(null);
    setItems((prev) => {
      const next = new Map(prev);
      result.items.forEach((item, i) => next.set(page * PHOTO_PAGE_SIZE + i, item));
      return next;
    });
  }, []);

  const fetchPage = useCallback((page: number) => api.call('photos.list', { ...query, offset: page * PHOTO_PAGE_SIZE, limit: PHOTO_PAGE_SIZE }), [query]);

  const loadPage = useCallback(
    async (page: number, gen: number, request = fetchPage(page)) => {
      loaded.current.add(page);
      try {
        show(page, gen, await request);
      } catch (e) {
        loaded.current.delete(page);
        if (gen === generation.current) setError(errorText(e));
      }
    },
    [fetchPage, show],
  );

  /**
   * The first page is asked for while the screen renders, not once it has committed: the request
   * and the first render of the screen overlap, where they used to follow one another.
   */
  const firstPage = useMemo(() => {
    const request = fetchPage(0);
    request.catch(() => undefined);
    return request;
  }, [fetchPage]);

  const start = useCallback(
    (request: Promise<{ items: PhotoListItem[]; total: number }>) => {
      generation.current += 1;
      loaded.current = new Set();
      // Already empty on a first open: no render for nothing.
      setItems((prev) => (prev.size === 0 ? prev : new Map()));
      void loadPage(0, generation.current, request);
    },
    [loadPage],
  );

  useEffect(() => start(firstPage), [start, firstPage]);

  const reload = useCallback(() => start(fetchPage(0)), [start, fetchPage]);

  const ensure = useCallback(
    (index: number) => {
      const page = Math.floor(index / PHOTO_PAGE_SIZE);
      if (!loaded.current.has(page)) void loadPage(page, generation.current);
    },
    [loadPage],
  );

  /** One photo changed (caption saved, linked): replace it where it is, without refetching the grid. */
  const replace = useCallback((photo: PhotoListItem) => {
    setItems((prev) => {
      const next = new Map(prev);
      // The grid keeps the thumbnail it has; only the caption and counts change here.
      for (const [i, item] of prev) if (item.id === photo.id) next.set(i, { ...photo, thumbnail: item.thumbnail });
      return next;
    });
  }, []);

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
