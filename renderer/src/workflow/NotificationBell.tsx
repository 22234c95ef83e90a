import { useCallback, useEffect, useState } from 'react';
import { App, Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useRoute } from '../stores/routeStore';

/** The unread count in the header; a new notification pops up as it arrives and the bell opens 待我处理. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const go = useRoute((s) => s.go);
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(() => {
    api
      .call('notifications.list', { unreadOnly: true, limit: 1 })
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    refresh();
    return api.onEvent((event) => {
      if (event.type === 'events.resumed') return refresh();
      if (event.type !== 'notification') return;
      refresh();
      notification.info({ message: event.title, description: event.body, placement: 'bottomRight' });
    });
  }, [refresh, notification]);

  return (
    <Badge count={unread} size="small">
      <Button size="small" aria-label={t('workflow.notifications.bell', { count: unread })} onClick={() => go({ name: 'queue' })}>
        {t('workflow.notifications.title')}
      </Button>
    </Badge>
  );
}
