import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/article';
import type { AppNotification } from '../../../shared/collaboration/types';
import type { DeskOverview, QueueItem } from '../../../shared/workflow/types';
import type { QueuePage } from '../../../shared/proofreading/proofDesk';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { StatusTag } from '../components/StatusTag';
import { TransitionButtons } from '../workflow/TransitionButtons';
import { ReviewSheetModal } from '../workflow/ReviewSheet';
import { dateTime } from '../../../shared/text/dates';

const PIPELINE = ARTICLE_STATUSES.filter((s) => s !== 'printed' && s !== 'spiked');

/** 待我处理: what waits for this user's role, their own drafts and returns, their notifications, the desk at a glance. */
export function QueueScreen() {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const session = useSession((s) => s.session)!;
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [pages, setPages] = useState<QueuePage[]>([]);
  const [notes, setNotes] = useState<{ items: AppNotification[]; unread: number }>({ items: [], unread: 0 });
  const [overview, setOverview] = useState<DeskOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheetFor, setSheetFor] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([api.call('workflow.myQueue', {}), api.call('notifications.list', { limit: 30 }), api.call('workflow.overview', {})])
      .then(([queue, list, desk]) => {
        setItems(queue.items);
        setPages(queue.pages);
        setNotes(list);
        setOverview(desk);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  useEffect(load, [load, session.user.id]);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'article.status' || event.type === 'events.resumed' || event.type === 'notification' || event.type === 'article.deleted' || event.type === 'layout.changed') load();
      }),
    [load],
  );

  const markRead = (ids?: string[]) => {
    api
      .call('notifications.markRead', ids ? { ids } : {})
      .then(load)
      .catch((e: unknown) => setError(errorText(e)));
  };

  const why = (item: QueueItem) => {
    if (item.why === 'returned' && item.returned) {
      return (
        <Typography.Text type="danger">{t('workflow.queue.returned', { name: item.returned.byName, reason: item.returned.reason })}</Typography.Text>
      );
    }
    if (item.why === 'mine') return t('workflow.queue.mine');
    if (item.why === 'filed') return t('workflow.queue.filed');
    const next = item.actions.find((a) => a.action !== 'return' && a.action !== 'spike');
    return next ? t('workflow.queue.waitingFor', { action: t(`workflow.actions.${next.action}`) }) : '';
  };

  return (
    <Row gutter={16}>
      <Col span={17}>
        <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('workflow.queue.title')}</Typography.Title>} extra={<Button onClick={load}>{t('workflow.refresh')}</Button>}>
          {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
          <Table<QueueItem>
            aria-label={t('workflow.queue.title')}
            rowKey="id"
            size="small"
            loading={items === null}
            dataSource={items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('workflow.queue.empty')} /> }}
            columns={[
              {
                title: t('workflow.queue.headline'),
                key: 'headline',
                render: (_, item) => (
                  <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => go({ name: 'article', id: item.id })}>
                    {item.headline}
                  </Button>
                ),
              },
              { title: t('workflow.queue.desk'), dataIndex: 'desk', width: 90 },
              { title: t('workflow.queue.status'), key: 'status', width: 90, render: (_, item) => <StatusTag status={item.status} /> },
              { title: t('workflow.queue.why'), key: 'why', render: (_, item) => why(item) },
              {
                title: t('workflow.queue.actions'),
                key: 'actions',
                render: (_, item) => (
                  <Space wrap size={4}>
                    <TransitionButtons size="small" article={item} options={item.actions} onDone={load} />
                    <Button size="small" onClick={() => setSheetFor(item.id)}>
                      {t('workflow.sheet.title')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {pages.length > 0 && (
          <Card title={t('workflow.queue.pages')} style={{ marginTop: 16 }}>
            <Table<QueuePage>
              aria-label={t('workflow.queue.pages')}
              rowKey="pageId"
              size="small"
              pagination={false}
              dataSource={pages}
              columns={[
                { title: t('workflow.queue.page'), key: 'page', render: (_, p) => t('workflow.queue.pageItem', { date: p.editionDate, number: p.number, name: p.name }) },
                {
                  title: t('workflow.queue.why'),
                  key: 'why',
                  render: (_, p) =>
                    p.why === 'proof'
                      ? t(p.proof.stale ? 'workflow.queue.proofAgain' : 'workflow.queue.proofRound', { round: t(`proofDesk.rounds.${p.proof.currentRound ?? 4}`), open: p.proof.open, fixed: p.proof.fixed })
                      : t(`workflow.queue.page_${p.why}`),
                },
                {
                  title: t('workflow.queue.actions'),
                  key: 'actions',
                  render: (_, p) =>
                    p.why === 'proof' ? (
                      <Button size="small" type="primary" onClick={() => go({ name: 'proof', pageId: p.pageId })}>
                        {t('proofDesk.open')}
                      </Button>
                    ) : (
                      <Button size="small" type="primary" onClick={() => go({ name: 'layout', date: p.editionDate, pageId: p.pageId })}>
                        {t(`workflow.queue.goto_${p.why}`, { number: p.number })}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        )}
        {overview && (
          <Card title={t('workflow.overview.title')} style={{ marginTop: 16 }}>
            <Table
              aria-label={t('workflow.overview.title')}
              size="small"
              rowKey="desk"
              pagination={false}
              dataSource={overview.byDesk}
              locale={{ emptyText: t('workflow.overview.empty') }}
              columns={[
                { title: t('workflow.overview.desk'), dataIndex: 'desk', render: (desk: string) => desk || t('workflow.overview.noDesk') },
                ...PIPELINE.map((status: ArticleStatus) => ({
                  title: t(`status.${status}`),
                  key: status,
                  align: 'right' as const,
                  render: (_: unknown, row: DeskOverview['byDesk'][number]) => row.counts[status] ?? '',
                })),
                { title: t('workflow.overview.total'), dataIndex: 'total', align: 'right' as const },
              ]}
            />
          </Card>
        )}
      </Col>
      <Col span={7}>
        <Card
          title={
            <span>
              {t('workflow.notifications.title')} {notes.unread > 0 && <Typography.Text type="danger">{t('workflow.notifications.unread', { count: notes.unread })}</Typography.Text>}
            </span>
          }
          extra={
            <Button size="small" disabled={notes.unread === 0} onClick={() => markRead()}>
              {t('workflow.notifications.markAll')}
            </Button>
          }
        >
          <section aria-label={t('workflow.notifications.title')}>
            <List<AppNotification>
              dataSource={notes.items}
              locale={{ emptyText: t('workflow.notifications.empty') }}
              renderItem={(n) => (
                <List.Item
                  actions={n.readAt ? [] : [<Button key="read" size="small" type="link" onClick={() => markRead([n.id])}>{t('workflow.notifications.markRead')}</Button>]}
                  style={{ opacity: n.readAt ? 0.6 : 1 }}
                >
                  <List.Item.Meta
                    title={
                      n.articleId ? (
                        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => go({ name: 'article', id: n.articleId! })}>
                          {n.title}
                        </Button>
                      ) : (
                        n.title
                      )
                    }
                    description={
                      <>
                        <div>{n.body}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {dateTime(n.createdAt)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </section>
        </Card>
      </Col>
      <ReviewSheetModal articleId={sheetFor} onClose={() => setSheetFor(null)} />
    </Row>
  );
}
