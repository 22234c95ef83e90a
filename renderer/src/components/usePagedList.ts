import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../api/errorText';

/** What a paged list method answers: one page of rows, and how many rows the query has in all. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/**
 * A long list fetched a page at a time as a virtualized view scrolls to its rows (`ensure`), so
 * thousands of rows are never loaded at once. Rows are kept by their index in the whole list.
 *
 * `fetchPage` is the query: a new one (the caller memoizes it on its filters) starts a new
 * generation, and pages that arrive for an old one are dropped. Its first page is asked for while
 * the screen renders, not once it has committed, so the request and the first render overlap.
 */
export function usePagedList<P extends ListPage<unknown>>(fetchPage: (offset: number, limit: number) => Promise<P>, pageSize: number) {
  type Row = P['items'][number];
  const [items, setItems] = useState<Map<number, Row>>(new Map());
  /** The last page shown, for what a result says beyond its rows (its total, whether a search was capped). */
  const [lastPage, setLastPage] = useState<P | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(new Set<number>());
  const generation = useRef(0);

  const request = useCallback((page: number) => fetchPage(page * pageSize, pageSize), [fetchPage, pageSize]);

  const loadPage = useCallback(
    async (page: number, gen: number, pending = request(page)) => {
      loaded.current.add(page);
      try {
        const result = await pending;
        if (gen !== generation.current) return;
        setLastPage(result);
        setError(null);
        setItems((prev) => {
          const next = new Map(prev);
          result.items.forEach((item, i) => next.set(page * pageSize + i, item));
          return next;
        });
      } catch (e) {
        loaded.current.delete(page);
        if (gen === generation.current) setError(errorText(e));
      }
    },
    [request, pageSize],
  );

  const firstPage = useMemo(() => {
    const pending = request(0);
    pending.catch(() => undefined);
    return pending;
  }, [request]);

  const start = useCallback(
    (pending: Promise<P>) => {
      generation.current += 1;
      loaded.current = new Set();
      // Already empty on a first open: no render for nothing.
      setItems((prev) => (prev.size === 0 ? prev : new Map()));
      void loadPage(0, generation.current, pending);
    },
    [loadPage],
  );

  useEffect(() => start(firstPage), [start, firstPage]);

  /** The same query again from its first page (after a change the list cannot patch by itself). */
  const reload = useCallback(() => start(request(0)), [start, request]);

  /** Asks for the page holding row `index` unless it is loaded or on its way. */
  const ensure = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      if (!loaded.current.has(page)) void loadPage(page, generation.current);
    },
    [loadPage, pageSize],
  );

  /** Changes rows where they are, without refetching the list. */
  const mapItems = useCallback((change: (item: Row) => Row) => {
    setItems((prev) => {
      const next = new Map<number, Row>();
      for (const [i, item] of prev) next.set(i, change(item));
      return next;
    });
  }, []);

  return { items, total: lastPage?.total ?? null, lastPage, error, setError, ensure, reload, mapItems };
}
