import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { CSV_FILE, saveFile } from '../api/saveFile';
import { useSession } from '../stores/sessionStore';
import { FormDialog } from '../components/FormDialog';
import { WORD_LIST_KINDS, type PaperWordLists, type WordListState } from '../../../shared/api/methods/proofreading';
import type { InputOf } from '../../../shared/api/contract';
import { contextInWords, type WordListKind } from '../../../shared/style/index';
import { dateTime } from '../../../shared/text/dates';

type Row = Record<string, string | undefined>;

/** The columns of each list, in the CSV's order; the first names the entry. */
const COLUMNS: Record<WordListKind, ReadonlyArray<{ key: string; required: boolean }>> = {
  confusable: [
    { key: 'wrong', required: true },
    { key: 'right', required: true },
    { key: 'context', required: false },
    { key: 'note', required: false },
  ],
  careful: [
    { key: 'word', required: true },
    { key: 'replacement', required: false },
    { key: 'reason', required: true },
    { key: 'severity', required: true },
  ],
  exactName: [
    { key: 'wrong', required: true },
    { key: 'right', required: true },
  ],
  placeName: [
    { key: 'wrong', required: true },
    { key: 'right', required: true },
  ],
};

const SEVERITIES = ['error', 'warning', 'info'] as const;

function emptyDraft(kind: WordListKind): Row {
  return kind === 'careful' ? { severity: 'warning' } : {};
}

/** Without empty optional cells, as the main side stores entries. */
function cleaned(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => [k, v!.trim()]));
}

interface CsvImport {
  csv: string;
  mode: 'append' | 'replace';
}

interface ImportResult {
  imported: number;
  errors: Array<{ line: number; message: string }>;
}

function WordListPane({ list, canManage, onChanged }: { list: WordListState<WordListKind>; canManage: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kind = list.kind;
  const columns = COLUMNS[kind];
  const keyColumn = columns[0]!.key;
  const rows = list.entries as unknown as Row[];
  const [draft, setDraft] = useState<Row>(emptyDraft(kind));
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [importForm] = Form.useForm<CsvImport>();
  const [result, setResult] = useState<ImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const label = (key: string) => t(`proofreading.wordLists.columns.${key}`);

  const save = async (entries: Row[]): Promise<boolean> => {
    try {
      await api.call('proofreading.saveWordList', { kind, entries, baseVersion: list.version } as unknown as InputOf<'proofreading.saveWordList'>);
      setError(null);
      void message.success(t('proofreading.wordLists.saved'));
      await onChanged();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  const add = async () => {
    const missing = columns.find((c) => c.required && (draft[c.key] ?? '').trim() === '');
    if (missing) {
      setError(t('proofreading.wordLists.required', { field: label(missing.key) }));
      return;
    }
    if (await save([...rows, cleaned(draft)])) setDraft(emptyDraft(kind));
  };

  const runImport = async ({ csv, mode }: CsvImport) => {
    const done = await api.call('proofreading.importCsv', { kind, csv, mode });
    setResult({ imported: done.imported, errors: done.errors });
    setError(null);
    await onChanged();
  };

  const exportCsv = async () => {
    try {
      // A BOM, so Excel opens the Chinese text as UTF-8.
      await saveFile(`${kind}.csv`, new TextEncoder().encode(`\uFEFF${await api.call('proofreading.exportCsv', { kind })}`), CSV_FILE);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const shown = useMemo(() => {
    const needle = filter.trim();
    return needle === '' ? rows : rows.filter((r) => Object.values(r).some((v) => v?.includes(needle)));
  }, [rows, filter]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {list.isDefault
          ? t('proofreading.wordLists.builtIn')
          : t('proofreading.wordLists.versionInfo', {
              version: list.version,
              name: list.updatedByName ?? '',
              at: list.updatedAt ? dateTime(list.updatedAt) : '',
            })}
        {' · '}
        {t('proofreading.wordLists.count', { count: rows.length })}
      </Typography.Text>
      {!canManage && <Alert type="info" showIcon message={t('proofreading.wordLists.manageOnly')} />}
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Space wrap>
        <Input.Search allowClear aria-label={t('proofreading.wordLists.filter')} placeholder={t('proofreading.wordLists.filter')} onChange={(e) => setFilter(e.target.value)} style={{ width: 220 }} />
        {canManage && (
          <Button
            onClick={() => {
              setResult(null);
              importForm.resetFields();
              setImporting(true);
            }}
          >
            {t('proofreading.wordLists.import')}
          </Button>
        )}
        <Button onClick={() => void exportCsv()}>{t('proofreading.wordLists.export')}</Button>
      </Space>
      {canManage && (
        <Space wrap aria-label={t('proofreading.wordLists.add')} role="group">
          {columns.map((c) =>
            c.key === 'context' ? (
              <ContextInput key={c.key} value={draft[c.key]} onChange={(value) => setDraft({ ...draft, [c.key]: value })} onEnter={() => void add()} />
            ) : c.key === 'severity' ? (
              <Select
                key={c.key}
                aria-label={label(c.key)}
                value={draft[c.key]}
                onChange={(value: string) => setDraft({ ...draft, [c.key]: value })}
                options={SEVERITIES.map((s) => ({ value: s, label: t(`proofreading.severity.${s}`) }))}
                style={{ width: 100 }}
              />
            ) : (
              <Input
                key={c.key}
                aria-label={label(c.key)}
                placeholder={label(c.key)}
                value={draft[c.key] ?? ''}
                onChange={(e) => setDraft({ ...draft, [c.key]: e.target.value })}
                onPressEnter={() => void add()}
                style={{ width: c.key === 'context' || c.key === 'reason' || c.key === 'note' ? 220 : 140 }}
              />
            ),
          )}
          <Button type="primary" onClick={() => void add()}>
            {t('proofreading.wordLists.add')}
          </Button>
        </Space>
      )}
      <Table<Row>
        size="small"
        rowKey={(r) => r[keyColumn] ?? ''}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('proofreading.wordLists.empty') }}
        columns={[
          ...columns.map((c) => ({
            key: c.key,
            dataIndex: c.key,
            title: label(c.key),
            // Rules in words: a severity by its name, a 语境 as when the word counts as wrong — never the code or pattern stored.
            render: (value: string | undefined, row: Row) =>
              c.key === 'severity' && value ? t(`proofreading.severity.${value}`) : c.key === 'context' ? contextInWords(value, row['wrong'] ?? '') : value,
          })),
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: label('actions'),
                  render: (_: unknown, row: Row) => (
                    <Button
                      size="small"
                      danger
                      aria-label={t('proofreading.wordLists.removeEntry', { word: row[keyColumn] })}
                      onClick={() => void save(rows.filter((r) => r[keyColumn] !== row[keyColumn]))}
                    >
                      {t('proofreading.wordLists.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDialog<CsvImport>
        open={importing}
        title={t('proofreading.wordLists.importTitle', { kind: t(`proofreading.wordLists.kinds.${kind}`) })}
        okText={t('proofreading.wordLists.importConfirm')}
        form={importForm}
        onSubmit={runImport}
        onCancel={() => setImporting(false)}
        failure={t('proofreading.wordLists.importFailed')}
        formProps={{ initialValues: { csv: '', mode: 'append' } }}
        before={
          <>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,text/csv,text/plain"
              hidden
              data-testid="csv-file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) importForm.setFieldsValue({ csv: await file.text() });
                e.target.value = '';
              }}
            />
            <Button onClick={() => fileInput.current?.click()} style={{ marginBottom: 12 }}>
              {t('proofreading.wordLists.pickFile')}
            </Button>
          </>
        }
      >
        <Form.Item name="csv" label={t('proofreading.wordLists.csvText')} rules={[{ required: true, whitespace: true, message: t('proofreading.wordLists.csvRequired') }]}>
          <Input.TextArea placeholder={t('proofreading.wordLists.pastePlaceholder')} autoSize={{ minRows: 6, maxRows: 14 }} />
        </Form.Item>
        <Form.Item name="mode" label={t('proofreading.wordLists.mode')}>
          <Radio.Group>
            <Radio value="append">{t('proofreading.wordLists.append')}</Radio>
            <Radio value="replace">{t('proofreading.wordLists.replace')}</Radio>
          </Radio.Group>
        </Form.Item>
        {result && (
          <Alert
            type={result.errors.length > 0 ? 'warning' : 'success'}
            showIcon
            message={t('proofreading.wordLists.imported', { count: result.imported })}
            description={
              result.errors.length > 0 && (
                <>
                  {t('proofreading.wordLists.importErrors', { count: result.errors.length })}
                  <ul aria-label={t('proofreading.wordLists.importErrors', { count: result.errors.length })}>
                    {result.errors.map((e) => (
                      <li key={`${e.line}-${e.message}`}>{t('proofreading.wordLists.lineError', e)}</li>
                    ))}
                  </ul>
                </>
              )
            }
          />
        )}
      </FormDialog>
    </Space>
  );
}

const CONTEXT_CHOICES = ['', 'before-time', 'custom'] as const;

/**
 * When a confusable counts as wrong, chosen in words: anywhere, before a time point, or — for an
 * administrator who needs it — a pattern of the surroundings (`regex:…`), written out only then.
 */
function ContextInput({ value, onChange, onEnter }: { value: string | undefined; onChange(value: string): void; onEnter(): void }) {
  const { t } = useTranslation();
  const choice = value === undefined || value === '' ? '' : value === 'before-time' ? 'before-time' : 'custom';
  return (
    <Space.Compact>
      <Select
        aria-label={t('proofreading.wordLists.columns.context')}
        value={choice}
        style={{ width: 170 }}
        onChange={(next: (typeof CONTEXT_CHOICES)[number]) => onChange(next === 'custom' ? 'regex:' : next)}
        options={CONTEXT_CHOICES.map((c) => ({ value: c, label: t(`proofreading.wordLists.contextChoices.${c || 'anywhere'}`) }))}
      />
      {choice === 'custom' && (
        <Input
          aria-label={t('proofreading.wordLists.contextPattern')}
          placeholder="regex:(?<!爱)好象"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onPressEnter={onEnter}
          style={{ width: 200 }}
        />
      )}
    </Space.Compact>
  );
}

/** The paper's proofreading word lists: one table per kind; everyone may read, settings.manage may change. */
export function WordListsScreen() {
  const { t } = useTranslation();
  const canManage = useSession((s) => s.can('settings.manage'));
  const [lists, setLists] = useState<PaperWordLists | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setLists(await api.call('proofreading.getWordLists', {}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('proofreading.wordLists.title')}
        </Typography.Title>
      }
    >
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {lists && (
        <Tabs
          items={WORD_LIST_KINDS.map((kind) => ({
            key: kind,
            label: t(`proofreading.wordLists.kinds.${kind}`),
            children: <WordListPane key={kind} list={lists[kind]} canManage={canManage} onChanged={load} />,
          }))}
        />
      )}
    </Card>
  );
}
