import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditItem, AuditPage } from '../../../shared/administration/types';
import type { Person } from '../../../shared/collaboration/types';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { CSV_FILE, saveFile } from '../api/saveFile';
import { ReviewSheetModal } from './ReviewSheet';
import { BusyButton } from '../components/BusyButton';
import { dateTime } from '../../../shared/text/dates';

const PAGE_SIZE = 50;
const ACTION_GROUPS = ['workflow.*', 'lock.*', 'auth.*', 'permission.denied', 'user.*', 'role.update', 'settings.update', 'article.*', 'style.*', 'wordlist.*', 'layout.*', 'photo.*', 'audit.export'] as const;

interface Filters {
  userId?: string;
  action?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Query = { userId?: string; action?: string; targetId?: string; since?: string; until?: string };

function toQuery(f: Filters): Query {
  const q: Query = {};
  if (f.userId) q.userId = f.userId;
  if (f.action) q.action = f.action;
  if (f.targetId?.trim()) q.targetId = f.targetId.trim();
  if (f.range?.[0]) q.since = f.range[0].format('YYYY-MM-DD');
  if (f.range?.[1]) q.until = f.range[1].format('YYYY-MM-DD');
  return q;
}

function detailText(item: AuditItem, t: TFunction): string {
  const d = item.details as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d['action'] === 'string') parts.push(t(`workflow.actions.${d['action']}`));
  if (typeof d['from'] === 'string' && typeof d['to'] === 'string') parts.push(`${t(`status.${d['from']}`)} → ${t(`status.${d['to']}`)}`);
  if (typeof d['kind'] === 'string') parts.push(t(`workflow.sheet.kinds.${d['kind']}`));
  if (typeof d['part'] === 'string') parts.push(t(`workflow.locks.${d['part']}`));
  if (typeof d['holderName'] === 'string') parts.push(t('workflow.audit.holder', { name: d['holderName'] }));
  if (typeof d['reason'] === 'string') parts.push(t('workflow.audit.reason', { reason: d['reason'] }));
  if (typeof d['message'] === 'string') parts.push(d['message']);
  if (typeof d['version'] === 'number') parts.push(t('workflow.sheet.versionN', { version: d['version'] }));
  if (typeof d['rows'] === 'number') parts.push(t('workflow.audit.rows', { count: d['rows'] }));
  return parts.join(' · ');
}

/** 审计记录: who did what to which story and when, filtered, exportable as CSV, with each story's 审稿单. */
export function AuditScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [people, setPeople] = useState<Person[]>([]);
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [sheetFor, setSheetFor] = useState<string | null>(null);

  useEffect(() => {
    api.call('people.list', {}).then(setPeople).catch(() => setPeople([]));
  }, []);

  const load = useCallback(() => {
    setResult(null);
    api
      .call('audit.list', { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
      .then((r) => {
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [query, page]);
  useEffect(load, [load]);

  const exportCsv = () => {
    setExporting(true);
    api
      .call('audit.exportCsv', query)
      .then(async (r) => {
        await saveFile(r.fileName, new TextEncoder().encode(r.csv), CSV_FILE);
        void message.success(t('workflow.audit.exported', { count: r.rows }));
        load();
      })
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setExporting(false));
  };

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.AuditScreen')}</Typography.Title>}>
      <Form
        form={form}
        layout="inline"
        role="search"
        aria-label={t('workflow.audit.filters')}
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(values) => {
          setPage(1);
          setQuery(toQuery(values));
        }}
      >
        <Form.Item name="userId" label={t('workflow.audit.user')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 160 }}
            placeholder={t('workflow.audit.anyUser')}
            options={people.map((p) => ({ value: p.id, label: t('common.personWithUsername', { name: p.displayName, username: p.username }) }))}
          />
        </Form.Item>
        <Form.Item name="action" label={t('workflow.audit.action')}>
          <Select allowClear style={{ width: 160 }} placeholder={t('workflow.audit.anyAction')} options={ACTION_GROUPS.map((a) => ({ value: a, label: t(`workflow.audit.groups.${a.replace(/[.*]/g, '_')}`) }))} />
        </Form.Item>
        <Form.Item name="targetId" label={t('workflow.audit.target')}>
          <Input allowClear style={{ width: 200 }} placeholder={t('workflow.audit.targetHint')} />
        </Form.Item>
        <Form.Item name="range" label={t('workflow.audit.dates')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('workflow.audit.since'), t('workflow.audit.until')]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('workflow.audit.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setPage(1);
              setQuery({});
            }}
          >
            {t('workflow.audit.clear')}
          </Button>
          <BusyButton busy={exporting} onClick={exportCsv}>
            {t('workflow.audit.export')}
          </BusyButton>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Table<AuditItem>
        aria-label={t('nav.AuditScreen')}
        rowKey="id"
        size="small"
        loading={result === null && !error}
        dataSource={result?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: result?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('workflow.audit.total', { count: total }), onChange: setPage }}
        columns={[
          { title: t('workflow.audit.time'), dataIndex: 'at', width: 170, render: (at: string) => dateTime(at) },
          { title: t('workflow.audit.user'), dataIndex: 'userName', width: 100, render: (name: string | null) => name ?? t('workflow.audit.system') },
          { title: t('workflow.audit.action'), dataIndex: 'actionLabel', width: 130 },
          {
            title: t('workflow.audit.object'),
            key: 'target',
            render: (_, item) =>
              item.targetType === 'article' && item.targetId ? (
                <Space size={4}>
                  <span>{item.targetLabel ?? item.targetId}</span>
                  <Button size="small" type="link" onClick={() => setSheetFor(item.targetId)}>
                    {t('workflow.sheet.title')}
                  </Button>
                </Space>
              ) : (
                (item.targetLabel ?? item.targetId ?? '')
              ),
          },
          { title: t('workflow.audit.details'), key: 'details', render: (_, item) => detailText(item, t) },
        ]}
      />
      <ReviewSheetModal articleId={sheetFor} onClose={() => setSheetFor(null)} />
    </Card>
  );
}
