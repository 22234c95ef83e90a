import { Alert, Card, Form, Input, Typography, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../stores/sessionStore';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BusyButton } from '../components/BusyButton';
import { useFormSubmit } from '../components/useFormSubmit';
import { ServerLine } from './ServerLine';

const DEMO_ACCOUNTS = ['reporter', 'reporter2', 'editor', 'editor2', 'sectionhead', 'chief', 'layout', 'proofreader', 'admin'];

export function LoginScreen() {
  const { t } = useTranslation();
  const setup = useSession((s) => s.setup);
  const signedIn = useSession((s) => s.signedIn);
  const endedBecause = useSession((s) => s.endedBecause);
  const [form] = Form.useForm<{ username: string; password: string }>();
  const { busy, error, formProps } = useFormSubmit(form, async (values) => signedIn(await api.call('auth.login', values)), t('login.failed'));

  return (
    <main className="centered-page">
      <Card
        style={{ width: 420 }}
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {setup?.paperName ?? t('app.title')}
          </Typography.Title>
        }
        extra={<LanguageSwitch />}
      >
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        {endedBecause && endedBecause !== 'logout' && !error && (
          <Alert type="info" showIcon message={t(`login.ended.${endedBecause}`)} style={{ marginBottom: 16 }} role="status" />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" requiredMark={false} {...formProps}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <BusyButton type="primary" htmlType="submit" block busy={busy}>
            {t('login.submit')}
          </BusyButton>
        </Form>
        <ServerLine />
        {setup?.demo && (
          <section aria-label={t('login.demoAccounts')} style={{ marginTop: 20 }}>
            <Typography.Text strong>{t('login.demoAccounts')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('login.demoPassword', { password: 'demo1234' })}
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey="username"
              dataSource={DEMO_ACCOUNTS.map((username) => ({ username }))}
              onRow={(row) => ({ onClick: () => form.setFieldsValue({ username: row.username, password: 'demo1234' }) })}
              columns={[
                { title: t('login.username'), dataIndex: 'username' },
                { title: t('login.role'), dataIndex: 'username', render: (u: string) => t(`demoRoles.${u}`) },
              ]}
            />
          </section>
        )}
      </Card>
    </main>
  );
}
