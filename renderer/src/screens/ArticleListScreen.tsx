import { useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Card, Select, Space, Tag, Typography, Alert, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { ARTICLE_STATUSES, type ArticleStatus, type ArticleSummary } from '../../../shared/domain/article';
import { NewArticleDialog } from '../components/NewArticleDialog';
import { StatusTag } from '../components/StatusTag';
import { useCommands } from '../stores/commandStore';

const PAGE_SIZE = 100;
const ROW_HEIGHT = 44;

export function ArticleListScreen() {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const canCreate = useSession((s) => s.can('article.create'));
  const [status, setStatus] = useState<ArticleStatus[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [rows, setRows] = useState<Map<number, ArticleSummary>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const newArticleRequested = useCommands((s) => s.newArticleRequested);
  useEffect(() => {
    if (newArticleRequested > 0 && canCreate) setCreating(true);
  }, [newArticleRequested, canCreate]);
  const loadedPages = useRef(new Set<number>());
  const generation = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (loadedPages.current.has(page)) return;
      loadedPages.current.add(page);
      try {
        const result = await api.call('articles.list', { status, sort: 'updated', limit: PAGE_SIZE, offset: page * PAGE_SIZE });
        if (gen !== generation.current) return;
        setTotal(result.total);
        setRows((prev) => {
          const next = new Map(prev);
          result.items.forEach((item, i) => next.set(page * PAGE_SIZE + i, item));
          return next;
        });
        setError(null);
      } catch (e) {
        loadedPages.current.delete(page);
        setError((e as Error).message);
      }
    },
    [status],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    loadedPages.current = new Set();
    setRows(new Map());
    void loadPage(0, generation.current);
  }, [loadPage]);

  useEffect(reload, [reload]);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'article.changed' || event.type === 'article.deleted') reload();
      }),
    [reload],
  );

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const virtualItems = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of virtualItems) {
      const page = Math.floor(item.index / PAGE_SIZE);
      if (!rows.has(item.index)) void loadPage(page, generation.current);
    }
  }, [virtualItems, rows, loadPage]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('articles.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <Select<ArticleStatus[]>
            mode="multiple"
            allowClear
            aria-label={t('articles.filterStatus')}
            placeholder={t('articles.filterStatus')}
            style={{ minWidth: 220 }}
            value={status}
            onChange={setStatus}
            options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          {canCreate && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('articles.new')}
            </Button>
          )}
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <div role="table" aria-label={t('articles.title')} aria-rowcount={total ?? 0}>
        <div role="row" className="article-list-row article-list-header" style={{ height: ROW_HEIGHT }}>
          <span role="columnheader">{t('articles.col.status')}</span>
          <span role="columnheader">{t('articles.col.headline')}</span>
          <span role="columnheader">{t('articles.col.desk')}</span>
          <span role="columnheader">{t('articles.col.byline')}</span>
          <span role="columnheader">{t('articles.col.chars')}</span>
          <span role="columnheader">{t('articles.col.page')}</span>
          <span role="columnheader">{t('articles.col.updated')}</span>
        </div>
        {total === 0 ? (
          <Empty style={{ padding: 32 }} description={t('articles.empty')} />
        ) : (
          <div ref={scrollRef} style={{ height: 'calc(100vh - 230px)', minHeight: 240, overflow: 'auto' }} role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualItems.map((item) => {
                const row = rows.get(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    tabIndex={row ? 0 : -1}
                    className="article-list-row"
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={() => row && go({ name: 'article', id: row.id })}
                    onKeyDown={(e) => {
                      if (row && (e.key === 'Enter' || e.key === ' ')) {
                        e.preventDefault();
                        go({ name: 'article', id: row.id });
                      }
                    }}
                  >
                    {row ? (
                      <>
                        <span role="cell">
                          <StatusTag status={row.status} />
                        </span>
                        <span role="cell" className="cell-ellipsis" title={row.headline}>
                          {row.kicker && <Tag>{row.kicker}</Tag>}
                          {row.headline}
                        </span>
                        <span role="cell" className="cell-ellipsis">
                          {row.desk}
                        </span>
                        <span role="cell" className="cell-ellipsis">
                          {row.bylineNames.join('、') || row.createdByName}
                        </span>
                        <span role="cell">{t('articles.chars', { count: row.charCount })}</span>
                        <span role="cell">{row.page ? t('articles.pageN', { page: row.page }) : '—'}</span>
                        <span role="cell" className="cell-ellipsis">
                          {new Date(row.updatedAt).toLocaleString('zh-CN', { hour12: false })}
                        </span>
                      </>
                    ) : (
                      <span role="cell" style={{ color: '#999' }}>
                        {t('common.loading')}
                      </span>
                    )}
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
