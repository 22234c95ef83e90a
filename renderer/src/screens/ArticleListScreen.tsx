import { useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Card, Space, Typography, Alert, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { usePagedList } from '../components/usePagedList';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import type { SearchFacets } from '../../../shared/api/methods/search';
import { NewArticleDialog } from '../components/NewArticleDialog';
import { useCommands } from '../stores/commandStore';
import { ListFilters, NO_FILTERS, type ListFilterState } from '../search/ListFilters';
import { ACTION_COLUMN, ArticleRow, type ListedArticle, type RowAction } from '../search/ArticleRow';
import { useDebounced } from '../search/useDebounced';

/** search.articles pages at most 100 rows, so list and search share one page size. */
const PAGE_SIZE = 100;
const ROW_HEIGHT = 44;
/** Search results carry a snippet line under the headline. */
const HIT_ROW_HEIGHT = 64;
const TYPING_PAUSE_MS = 250;

/** Filters as the server sees them: the typed text waits for a pause, dates only narrow a search. */
function request(filters: ListFilterState, offset: number, limit: number) {
  const common = {
    ...(filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.desk ? { desk: filters.desk } : {}),
    ...(filters.authorId ? { authorId: filters.authorId } : {}),
    trash: filters.trash,
    limit,
    offset,
  };
  const query = filters.text.trim();
  if (!query) return api.call('articles.list', { ...common, sort: 'updated' });
  return api.call('search.articles', {
    ...common,
    query,
    ...(filters.dates ? { dateFrom: filters.dates[0], dateTo: filters.dates[1] } : {}),
  });
}

export function ArticleListScreen() {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const canCreate = useSession((s) => s.can('article.create'));
  const canDeleteAny = useSession((s) => s.can('article.delete'));
  const canEditOwn = useSession((s) => s.can('article.edit_own'));
  const myName = useSession((s) => s.session?.user.displayName);
  const [draftFilters, setFilters] = useState<ListFilterState>(NO_FILTERS);
  const filters = useDebounced(draftFilters, draftFilters.text === NO_FILTERS.text ? 0 : TYPING_PAUSE_MS);
  const [facets, setFacets] = useState<SearchFacets>({ authors: [], desks: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const newArticleRequested = useCommands((s) => s.newArticleRequested);
  useEffect(() => {
    if (newArticleRequested > 0 && canCreate) setCreating(true);
  }, [newArticleRequested, canCreate]);
  const fetchPage = useCallback((offset: number, limit: number) => request(filters, offset, limit), [filters]);
  const { items: rows, total, lastPage, error, setError, ensure, reload } = usePagedList(fetchPage, PAGE_SIZE);
  const capped = lastPage !== null && 'capped' in lastPage && lastPage.capped === true;
  const scrollRef = useRef<HTMLDivElement>(null);
  const searching = filters.text.trim().length > 0;

  useEffect(() => {
    api.call('search.facets', {}).then(setFacets, (e: unknown) => setError(errorText(e)));
  }, []);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'article.changed' || event.type === 'article.deleted' || event.type === 'events.resumed') reload();
      }),
    [reload],
  );

  const rowHeight = searching ? HIT_ROW_HEIGHT : ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const virtualItems = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of virtualItems) if (!rows.has(item.index)) ensure(item.index);
  }, [virtualItems, rows, ensure]);

  /** The service decides; this only hides buttons that would certainly be refused. */
  const actionFor = (row: ListedArticle): RowAction | null => {
    const allowed = canDeleteAny || (canEditOwn && row.status === 'draft' && row.createdByName === myName);
    if (!allowed) return null;
    return filters.trash ? 'restore' : 'delete';
  };

  const runAction = async (row: ListedArticle, action: RowAction) => {
    setBusyId(row.id);
    setNotice(null);
    try {
      if (action === 'delete') await api.call('articles.delete', { id: row.id, baseVersion: row.version });
      else await api.call('articles.restore', { id: row.id });
      setNotice(t(action === 'delete' ? 'search.deleted' : 'search.restored', { headline: row.headline }));
      setError(null);
      reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusyId(null);
    }
  };

  const filtered = filters.status.length > 0 || filters.desk !== null || filters.authorId !== null;
  const emptyText = searching
    ? t('search.noResults', { query: filters.text.trim() })
    : filters.trash
      ? t('search.trashEmpty')
      : filtered
        ? t('search.noMatches')
        : t('articles.empty');
  const statusLine = [notice, searching && total !== null ? t(capped ? 'search.resultCountCapped' : 'search.resultCount', { count: total }) : null].filter(Boolean).join(' · ');

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {filters.trash ? t('search.trash') : t('articles.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <ListFilters value={draftFilters} facets={facets} onChange={setFilters} />
          {canCreate && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('articles.new')}
            </Button>
          )}
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      {error && <Alert type="error" showIcon message={error} role="alert" closable onClose={() => setError(null)} />}
      <div role="status" aria-live="polite" style={{ padding: statusLine ? '6px 12px' : 0, color: '#555' }}>
        {statusLine}
      </div>
      <div role="table" aria-label={t('articles.title')} aria-rowcount={total ?? 0}>
        <div role="row" className="article-list-row article-list-header" style={{ ...ACTION_COLUMN, height: ROW_HEIGHT }}>
          <span role="columnheader">{t('articles.col.status')}</span>
          <span role="columnheader">{t('articles.col.headline')}</span>
          <span role="columnheader">{t('articles.col.desk')}</span>
          <span role="columnheader">{t('articles.col.byline')}</span>
          <span role="columnheader">{t('articles.col.chars')}</span>
          <span role="columnheader">{t('articles.col.page')}</span>
          <span role="columnheader">{t('articles.col.updated')}</span>
          <span role="columnheader">{t('search.actions')}</span>
        </div>
        {total === 0 ? (
          <Empty style={{ padding: 32 }} description={emptyText} />
        ) : (
          <div ref={scrollRef} style={{ height: 'calc(100vh - 260px)', minHeight: 240, overflow: 'auto' }} role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualItems.map((item) => {
                const row = rows.get(item.index);
                const style = { position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` } as const;
                return row ? (
                  <ArticleRow
                    key={item.key}
                    row={row}
                    index={item.index}
                    style={style}
                    action={actionFor(row)}
                    busy={busyId === row.id}
                    onOpen={(r) => go({ name: 'article', id: r.id })}
                    onAction={(r, action) => void runAction(r, action)}
                  />
                ) : (
                  <div key={item.key} role="row" aria-rowindex={item.index + 2} className="article-list-row" style={style}>
                    <span role="cell" style={{ color: '#999' }}>
                      {t('common.loading')}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
      <NewArticleDialog open={creating} onClose={() => setCreating(false)} onCreated={(id) => go({ name: 'article', id })} />
    </Card>
  );
}
