import { useEffect, useState } from 'react';
import { Alert, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus, ArticleSummary } from '../../../shared/domain/article';
import type { Privilege } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { StatusTag } from '../components/StatusTag';

/** Which states wait for which privilege; the workflow service owns the transitions themselves. */
const WAITING_FOR: [Privilege, ArticleStatus[]][] = [
  ['workflow.review1', ['submitted', 'review1']],
  ['workflow.review2', ['review2']],
  ['workflow.review3', ['review3']],
  ['layout.edit', ['approved']],
  ['proof.mark', ['placed']],
];

export function QueueScreen() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session)!;
  const go = useRoute((s) => s.go);
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const statuses = WAITING_FOR.filter(([p]) => session.privileges.includes(p)).flatMap(([, s]) => s);
    const mine = session.privileges.includes('workflow.submit') && statuses.length === 0;
    api
      .call('articles.list', mine ? { status: ['draft'], authorId: session.user.id, sort: 'updated', limit: 200 } : { status: statuses, sort: 'priority', limit: 200 })
      .then((r) => setItems(statuses.length === 0 && !mine ? [] : r.items))
      .catch((e: unknown) => setError((e as Error).message));
  }, [session]);

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('queue.title')}</Typography.Title>}>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <List
        aria-label={t('queue.title')}
        dataSource={items}
        locale={{ emptyText: t('queue.empty') }}
        renderItem={(item) => (
          <List.Item onClick={() => go({ name: 'article', id: item.id })} style={{ cursor: 'pointer' }}>
            <List.Item.Meta title={item.headline} description={`${item.desk} · ${t('articles.chars', { count: item.charCount })}`} />
            <StatusTag status={item.status} />
          </List.Item>
        )}
      />
    </Card>
  );
}
