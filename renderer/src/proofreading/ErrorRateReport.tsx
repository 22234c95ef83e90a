import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditionErrorRate, StoryErrorRate } from '../../../shared/api/methods/proofreading';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { DateInput } from '../components/DateInput';

type Figures = Omit<StoryErrorRate, 'articleId' | 'headline' | 'baselineAt'>;

interface Row extends Figures {
  key: string;
  label: string;
  children?: Row[];
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 差错率 per page of an edition and for the edition: findings, errors and fixes per 10,000 字. */
export function ErrorRateReport() {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const [report, setReport] = useState<EditionErrorRate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (day: string) => {
    setLoading(true);
    try {
      setReport(await api.call('proofreading.editionErrorRate', { date: day }));
      setError(null);
    } catch (e) {
      setReport(null);
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  // Opens on the latest edition that has a page plan, so the report is never empty on a fresh day.
  useEffect(() => {
    api
      .call('layout.editions', {})
      .then((editions) => {
        const latest = editions.map((e) => e.date).filter((d) => d <= today()).sort().pop() ?? editions[0]?.date ?? today();
        setDate(latest);
        return load(latest);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [load]);

  const rows: Row[] = (report?.pages ?? []).map((page) => ({
    key: page.pageId,
    label: t('proofreading.rate.page', { number: page.number, name: page.name }),
    ...page.report.total,
    children: page.report.stories.length > 0 ? page.report.stories.map((s) => ({ key: `${page.pageId}-${s.articleId}`, label: `《${s.headline}》`, ...s })) : undefined,
  }));
  if (report) rows.push({ key: 'total', label: t('proofreading.rate.edition'), ...report.total });

  const rate = (n: number) => n.toFixed(1);
  return (
    <section aria-label={t('proofreading.rate.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="error-rate-date">{t('proofreading.rate.date')}</label>
        <DateInput id="error-rate-date" value={date || null} onChange={(v) => setDate(v ?? '')} style={{ width: 170 }} />
        <Button type="primary" onClick={() => void load(date)} disabled={date === ''}>
          {t('proofreading.rate.show')}
        </Button>
        <Button onClick={() => window.print()} disabled={!report}>
          {t('proofreading.rate.print')}
        </Button>
      </Space>
      {error && <Alert type="info" showIcon message={error} role="alert" />}
      <Typography.Paragraph type="secondary">{t('proofreading.rate.hint')}</Typography.Paragraph>
      <Table<Row>
        // Remounted per report: antd expands all rows only for the data it mounts with.
        key={report?.date ?? 'none'}
        aria-label={t('proofreading.rate.title')}
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('proofreading.rate.what'), dataIndex: 'label' },
          { title: t('proofreading.rate.chars'), dataIndex: 'chars', align: 'right' },
          { title: t('proofreading.rate.findings'), dataIndex: 'findings', align: 'right' },
          { title: t('proofreading.rate.errors'), dataIndex: 'errors', align: 'right' },
          { title: t('proofreading.rate.fixed'), dataIndex: 'fixed', align: 'right' },
          { title: t('proofreading.rate.findingsPer10k'), dataIndex: 'findingsPer10k', align: 'right', render: rate },
          { title: t('proofreading.rate.errorsPer10k'), dataIndex: 'errorsPer10k', align: 'right', render: rate },
          { title: t('proofreading.rate.fixedPer10k'), dataIndex: 'fixedPer10k', align: 'right', render: rate },
        ]}
      />
    </section>
  );
}
