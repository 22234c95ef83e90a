import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseServerAddress, type ServerProbe } from '../../../shared/api/desk';
import type { DeskControls } from '../../../shared/api/bridge';
import { ApiError } from '../../../shared/api/errors';
import { BusyButton } from '../components/BusyButton';
import { useFormSubmit } from '../components/useFormSubmit';
import { errorText } from '../api/errorText';

type Found = Extract<ServerProbe, { ok: true }>;

/**
 * 连接编辑部服务器: the address is checked in the form, then the server is looked at. A certificate
 * no public authority vouches for, or a server without encryption, is shown for the user to accept
 * before anything is kept; then every window goes to the server's sign-in screen.
 */
export function ServerConnectForm({ desk }: { desk: DeskControls }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ address: string }>();
  const [found, setFound] = useState<Found | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);

  const connect = async (target: Found) => {
    const reply = await desk.connect(target.address, target.certificate?.fingerprint ?? null);
    if (!reply.ok) throw new ApiError('UNAVAILABLE', reply.message);
  };

  const checking = useFormSubmit(
    form,
    async ({ address }) => {
      setFound(null);
      const probe = await desk.probe(address);
      if (!probe.ok) throw new ApiError('UNAVAILABLE', probe.message);
      if (probe.certificate || !probe.encrypted) setFound(probe);
      else await connect(probe);
    },
    t('desk.failed'),
  );

  const accept = async () => {
    if (!found) return;
    setConnecting(true);
    setConfirmError(null);
    try {
      await connect(found);
    } catch (error) {
      setConfirmError(errorText(error, t('desk.failed')));
    } finally {
      setConnecting(false);
    }
  };

  const error = checking.error ?? confirmError;
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" requiredMark={false} {...checking.formProps} onValuesChange={() => setFound(null)}>
        <Form.Item
          name="address"
          label={t('desk.address')}
          extra={t('desk.addressHint')}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const parsed = parseServerAddress(value ?? '');
                return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
              },
            },
          ]}
        >
          <Input placeholder="https://newsroom.example.cn:5790" autoComplete="url" spellCheck={false} />
        </Form.Item>
        {!found && (
          <BusyButton htmlType="submit" block busy={checking.busy}>
            {t('desk.check')}
          </BusyButton>
        )}
      </Form>
      {found && (
        <section aria-label={t('desk.confirmLabel')}>
          {found.certificate ? (
            <>
              <Alert type="warning" showIcon message={t('desk.certificateTitle')} description={found.certificate.reason} style={{ marginBottom: 12 }} />
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('desk.fingerprint')}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {found.certificate.fingerprint}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('desk.subject')}>{found.certificate.subject}</Descriptions.Item>
                <Descriptions.Item label={t('desk.issuer')}>{found.certificate.issuer}</Descriptions.Item>
                <Descriptions.Item label={t('desk.validTo')}>{found.certificate.validTo}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('desk.compareFingerprint')}
              </Typography.Paragraph>
            </>
          ) : (
            <Alert type="warning" showIcon message={t('desk.unencryptedTitle')} description={t('desk.unencrypted')} style={{ marginBottom: 12 }} />
          )}
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={() => setFound(null)} disabled={connecting}>
              {t('common.cancel')}
            </Button>
            <BusyButton type="primary" busy={connecting} onClick={() => void accept()}>
              {found.certificate ? t('desk.trustAndConnect') : t('desk.connectAnyway')}
            </BusyButton>
          </Space>
        </section>
      )}
    </>
  );
}
