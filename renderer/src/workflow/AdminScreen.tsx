import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRIVILEGES, type Privilege, type RoleCode } from '../../../shared/domain/roles';
import type { UserSummary } from '../../../shared/domain/session';
import type { RoleInfo, WorkflowSettings } from '../../../shared/administration/types';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { BusyButton } from '../components/BusyButton';
import { FormDialog } from '../components/FormDialog';
import { NumberInput } from '../components/NumberInput';
import { useFormSubmit } from '../components/useFormSubmit';
import { useSession } from '../stores/sessionStore';
import { MastheadTab } from '../paper/MastheadTab';

function useFailure() {
  const { message } = App.useApp();
  return useCallback((e: unknown) => void message.error(errorText(e)), [message]);
}

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: RoleCode[];
}

function UsersTab({ roles }: { roles: RoleInfo[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useFailure();
  const me = useSession((s) => s.session?.user.id);
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [createForm] = Form.useForm<NewUser>();
  const [resetForm] = Form.useForm<{ newPassword: string }>();

  const load = useCallback(() => {
    api.call('users.list', {}).then(setUsers).catch(fail);
  }, [fail]);
  useEffect(load, [load]);

  const roleOptions = roles.map((r) => ({ value: r.code, label: r.label }));
  const replace = (user: UserSummary) => setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)) ?? null);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => (createForm.resetFields(), setCreating(true))}>
          {t('workflow.admin.newUser')}
        </Button>
      </Space>
      <Table<UserSummary>
        aria-label={t('workflow.admin.users')}
        rowKey="id"
        size="small"
        loading={users === null}
        dataSource={users ?? []}
        pagination={false}
        columns={[
          { title: t('workflow.admin.username'), dataIndex: 'username' },
          { title: t('workflow.admin.displayName'), dataIndex: 'displayName' },
          {
            title: t('workflow.admin.roles'),
            key: 'roles',
            render: (_, user) => (
              <Select<RoleCode[]>
                mode="multiple"
                aria-label={t('workflow.admin.rolesOf', { name: user.displayName })}
                style={{ minWidth: 240 }}
                value={user.roles}
                options={roleOptions}
                onChange={(next) => {
                  if (next.length === 0) return void message.warning(t('workflow.admin.needRole'));
                  api.call('admin.setUserRoles', { userId: user.id, roles: next }).then(replace).catch(fail);
                }}
              />
            ),
          },
          {
            title: t('workflow.admin.state'),
            key: 'disabled',
            render: (_, user) => (
              <Switch
                aria-label={t('workflow.admin.enabledOf', { name: user.displayName })}
                checked={!user.disabled}
                disabled={user.id === me}
                checkedChildren={t('workflow.admin.enabled')}
                unCheckedChildren={t('workflow.admin.disabled')}
                onChange={(on) => api.call('admin.setUserDisabled', { userId: user.id, disabled: !on }).then(replace).catch(fail)}
              />
            ),
          },
          {
            title: '',
            key: 'reset',
            render: (_, user) => <Button size="small" onClick={() => (resetForm.resetFields(), setResetting(user))}>{t('workflow.admin.resetPassword')}</Button>,
          },
        ]}
      />
      <FormDialog<NewUser>
        open={creating}
        title={t('workflow.admin.newUser')}
        okText={t('workflow.admin.create')}
        form={createForm}
        onSubmit={async (values) => {
          await api.call('users.create', values);
          setCreating(false);
          load();
        }}
        onCancel={() => setCreating(false)}
        failure={t('workflow.admin.failed')}
        formProps={{ initialValues: { roles: ['reporter'] } }}
      >
        <Form.Item name="username" label={t('workflow.admin.username')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: t('firstRun.usernamePattern') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('workflow.admin.displayName')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('workflow.admin.initialPassword')} rules={[{ required: true, min: 8, message: t('firstRun.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('workflow.admin.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('workflow.admin.needRole') }]}>
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
      </FormDialog>
      <FormDialog<{ newPassword: string }>
        open={resetting !== null}
        title={t('workflow.admin.resetPasswordOf', { name: resetting?.displayName ?? '' })}
        okText={t('workflow.admin.resetPassword')}
        form={resetForm}
        onSubmit={async ({ newPassword }) => {
          if (!resetting) return;
          await api.call('admin.resetPassword', { userId: resetting.id, newPassword });
          void message.success(t('workflow.admin.passwordReset', { name: resetting.displayName }));
          setResetting(null);
        }}
        onCancel={() => setResetting(null)}
        failure={t('workflow.admin.failed')}
      >
        <Form.Item name="newPassword" label={t('workflow.admin.newPassword')} rules={[{ required: true, min: 8, message: t('firstRun.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormDialog>
    </>
  );
}

function RolesTab({ roles, onSaved }: { roles: RoleInfo[]; onSaved(role: RoleInfo): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useFailure();
  const [drafts, setDrafts] = useState<Partial<Record<RoleCode, Privilege[]>>>({});

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {roles.map((role) => {
        const chosen = drafts[role.code] ?? role.privileges;
        const dirty = drafts[role.code] !== undefined;
        return (
          <Card
            key={role.code}
            size="small"
            title={
              <Space>
                <span>{role.label}</span>
                <Tag>{t('workflow.admin.userCount', { count: role.userCount })}</Tag>
              </Space>
            }
            extra={
              <Button
                type="primary"
                size="small"
                aria-label={t('workflow.admin.saveRole', { role: role.label })}
                disabled={!dirty}
                onClick={() =>
                  api
                    .call('admin.updateRole', { code: role.code, privileges: chosen, baseVersion: role.version })
                    .then((saved) => {
                      setDrafts(({ [role.code]: _, ...rest }) => rest);
                      onSaved(saved);
                      void message.success(t('workflow.admin.roleSaved', { role: role.label }));
                    })
                    .catch(fail)
                }
              >
                {t('workflow.admin.save')}
              </Button>
            }
          >
            <div role="group" aria-label={t('workflow.admin.privilegesOf', { role: role.label })}>
              <Checkbox.Group<Privilege>
                value={chosen}
                onChange={(next) => setDrafts((d) => ({ ...d, [role.code]: next }))}
                options={PRIVILEGES.map((p) => ({ value: p, label: t(`privileges.${p}`) }))}
              />
            </div>
          </Card>
        );
      })}
    </Space>
  );
}

function SettingsTab() {
  const { t } = useTranslation();
  const fail = useFailure();
  const can = useSession((s) => s.can('settings.manage'));
  const [settings, setSettings] = useState<WorkflowSettings | null>(null);

  useEffect(() => {
    if (can) api.call('admin.getSettings', {}).then(setSettings).catch(fail);
  }, [can, fail]);

  if (!can) return <Alert type="info" showIcon message={t('workflow.admin.noSettings')} />;
  if (!settings) return null;
  return <SettingsForm settings={settings} onSaved={setSettings} />;
}

function SettingsForm({ settings, onSaved }: { settings: WorkflowSettings; onSaved(saved: WorkflowSettings): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkflowSettings>();
  const { busy, error, formProps } = useFormSubmit(
    form,
    async (values) => {
      onSaved(await api.call('admin.updateSettings', values));
      void message.success(t('workflow.admin.saved'));
    },
    t('workflow.admin.failed'),
  );
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }} initialValues={settings} {...formProps}>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="allowSameReviewer" label={t('workflow.admin.allowSameReviewer')} valuePropName="checked" extra={t('workflow.admin.allowSameReviewerHelp')}>
        <Switch />
      </Form.Item>
      <Form.Item name="lockIdleMinutes" label={t('workflow.admin.lockIdleMinutes')} extra={t('workflow.admin.lockIdleHelp')} rules={[{ required: true, type: 'integer', min: 1, max: 1440 }]}>
        <NumberInput min={1} max={1440} precision={0} />
      </Form.Item>
      <Form.Item name="pageBlankTolerancePercent" label={t('workflow.admin.pageBlankTolerance')} extra={t('workflow.admin.pageBlankToleranceHelp')} rules={[{ required: true, type: 'number', min: 0, max: 20 }]}>
        <NumberInput min={0} max={20} step={0.5} />
      </Form.Item>
      <Form.Item name="printFileNamePattern" label={t('workflow.admin.printFileNamePattern')} extra={t('workflow.admin.printFileNamePatternHelp')} rules={[{ required: true, whitespace: true, max: 120 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="printOutputDir" label={t('workflow.admin.printOutputDir')} extra={t('workflow.admin.printOutputDirHelp')} rules={[{ max: 500 }]}>
        <Input placeholder="/srv/print" />
      </Form.Item>
      <BusyButton type="primary" htmlType="submit" busy={busy}>
        {t('workflow.admin.save')}
      </BusyButton>
    </Form>
  );
}

/** 部门: the list a story's desk is chosen from; removing one leaves the stories that have it alone. */
function DesksTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useFailure();
  const can = useSession((s) => s.can('settings.manage'));
  const [desks, setDesks] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ desks: string[] }>();
  const { busy, error, formProps } = useFormSubmit(
    form,
    async (values) => {
      const saved = await api.call('admin.setDesks', { desks: values.desks.map((d) => d.trim()).filter((d) => d !== '') });
      setDesks(saved);
      form.setFieldsValue({ desks: saved });
      void message.success(t('workflow.admin.desksSaved'));
    },
    t('workflow.admin.failed'),
  );

  useEffect(() => {
    api.call('admin.desks', {}).then(setDesks).catch(fail);
  }, [fail]);

  if (!can) return <Alert type="info" showIcon message={t('workflow.admin.noSettings')} />;
  if (!desks) return null;
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }} initialValues={{ desks }} {...formProps}>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="desks" label={t('workflow.admin.desksLabel')} extra={t('workflow.admin.desksHelp')}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <BusyButton type="primary" htmlType="submit" busy={busy}>
        {t('workflow.admin.save')}
      </BusyButton>
    </Form>
  );
}

/** 用户与角色: accounts, what each role may do, and the paper's workflow settings. */
export function AdminScreen() {
  const { t } = useTranslation();
  const fail = useFailure();
  const [roles, setRoles] = useState<RoleInfo[]>([]);

  const loadRoles = useCallback(() => {
    api.call('admin.listRoles', {}).then(setRoles).catch(fail);
  }, [fail]);
  useEffect(loadRoles, [loadRoles]);

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.AdminScreen')}</Typography.Title>}>
      <Tabs
        // The head counts on the roles tab follow what was changed on the users tab.
        onChange={(key) => key === 'roles' && loadRoles()}
        items={[
          { key: 'users', label: t('workflow.admin.users'), children: <UsersTab roles={roles} /> },
          { key: 'roles', label: t('workflow.admin.rolesTab'), children: <RolesTab roles={roles} onSaved={(saved) => setRoles((list) => list.map((r) => (r.code === saved.code ? saved : r)))} /> },
          { key: 'desks', label: t('workflow.admin.desks'), children: <DesksTab /> },
          { key: 'settings', label: t('workflow.admin.settings'), children: <SettingsTab /> },
          { key: 'masthead', label: t('paper.masthead.title'), children: <MastheadTab /> },
        ]}
      />
    </Card>
  );
}
