import { useState } from 'react';
import { Card, Form, Input, Typography, Alert, Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../stores/sessionStore';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BusyButton } from '../components/BusyButton';
import { useFormSubmit } from '../components/useFormSubmit';
import { errorText } from '../api/errorText';
import { ServerConnectForm } from './ServerConnectForm';

interface CreateForm {
  paperName: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function FirstRunScreen() {
  const { t } = useTranslation();
  const signedIn = useSession((s) => s.signedIn);
  const boot = useSession((s) => s.boot);
  const [form] = Form.useForm<CreateForm>();
  const creating = useFormSubmit(
    form,
    async (values) => {
      const session = await api.call('setup.createNewsroom', {
        paperName: values.paperName,
        admin: { username: values.username, displayName: values.displayName, password: values.password },
      });
      await signedIn(session);
    },
    t('firstRun.failed'),
  );
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  const error = creating.error ?? demoError;

  const openDemo = async () => {
    setDemoBusy(true);
    setDemoError(null);
    try {
      await api.call('setup.openDemo', {});
      await boot();
    } catch (e) {
      setDemoError(errorText(e, t('firstRun.failed')));
    } finally {
      setDemoBusy(false);
    }
  };

  return (
    <main className="centered-page">
      <Card style={{ width: 520 }} title={<Typography.Title level={3} style={{ margin: 0 }}>{t('firstRun.title')}</Typography.Title>} extra={<LanguageSwitch />}>
        <Typography.Paragraph type="secondary">{t(api.desk ? 'firstRun.introDesktop' : 'firstRun.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <section aria-labelledby="create-heading">
          <Typography.Title level={5} id="create-heading">
            {t('firstRun.createHeading')}
          </Typography.Title>
          <Form<CreateForm> form={form} layout="vertical" requiredMark={false} {...creating.formProps}>
            <Form.Item name="paperName" label={t('firstRun.paperName')} rules={[{ required: true, message: t('firstRun.paperNameRequired') }]}>
              <Input placeholder={t('firstRun.paperNamePlaceholder')} maxLength={60} />
            </Form.Item>
            <Form.Item name="displayName" label={t('firstRun.adminName')} rules={[{ required: true, message: t('firstRun.adminNameRequired') }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="username"
              label={t('firstRun.adminUsername')}
              rules={[
                { required: true, message: t('firstRun.usernameRequired') },
                { pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: t('firstRun.usernamePattern') },
              ]}
            >
              <Input autoComplete="username" maxLength={40} />
            </Form.Item>
            <Form.Item name="password" label={t('firstRun.password')} rules={[{ required: true, min: 8, message: t('firstRun.passwordRule') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('firstRun.confirm')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('firstRun.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('firstRun.confirmMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <BusyButton type="primary" htmlType="submit" block busy={creating.busy} disabled={demoBusy}>
              {t('firstRun.create')}
            </BusyButton>
          </Form>
        </section>
        <Divider>{t('firstRun.or')}</Divider>
        <section aria-labelledby="demo-heading">
          <Typography.Title level={5} id="demo-heading">
            {t('firstRun.demoHeading')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('firstRun.demoIntro')}</Typography.Paragraph>
          <BusyButton block onClick={() => void openDemo()} busy={demoBusy} disabled={creating.busy}>
            {t('firstRun.openDemo')}
          </BusyButton>
        </section>
        {api.desk && (
          <>
            <Divider>{t('firstRun.or')}</Divider>
            <section aria-labelledby="server-heading">
              <Typography.Title level={5} id="server-heading">
                {t('desk.heading')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('desk.intro')}</Typography.Paragraph>
              <ServerConnectForm desk={api.desk} />
            </section>
          </>
        )}
      </Card>
    </main>
  );
}
