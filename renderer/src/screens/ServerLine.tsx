import { useState } from 'react';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { BusyButton } from '../components/BusyButton';
import { useConnection } from '../stores/connectionStore';

/**
 * On the screens before signing in to a newsroom server (sign-in, server unreachable): which server
 * this is, whether the sign-in will be kept, and the way back to the newsroom on this computer.
 */
export function ServerLine() {
  const { t } = useTranslation();
  const connection = useConnection((s) => s.connection);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const desk = api.desk;
  if (!desk || connection?.mode !== 'remote') return null;

  const leave = async () => {
    setBusy(true);
    setError(null);
    const reply = await desk.useLocal();
    setBusy(false);
    if (!reply.ok) setError(reply.message);
  };

  return (
    <section aria-label={t('desk.serverLabel')} style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('desk.serverAt', { address: connection.address })}</Typography.Text>
        {!connection.tokenKept && <Typography.Text type="secondary">{t('desk.notKept')}</Typography.Text>}
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        <BusyButton block busy={busy} onClick={() => void leave()}>
          {t('desk.useLocal')}
        </BusyButton>
      </Space>
    </section>
  );
}
