import type { ReactNode } from 'react';
import { Collapse, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENRES, type ArticleFields, type Genre } from '../../../shared/domain/article';
import type { FieldUpdater, FormFields } from './articleForm';
import { BylineEditor } from './BylineEditor';
import { DatelineEditor } from './DatelineEditor';
import { WholeNumberInput } from './WholeNumberInput';
import { DateInput } from '../components/DateInput';
import { DeskSelect } from '../components/DeskSelect';

const PRIORITIES = [1, 2, 3, 4, 5];

function Field({ id, label, children, hint }: { id: string; label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="panel-field">
      <label className="panel-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && <div className="panel-hint">{hint}</div>}
    </div>
  );
}

/** A whole number from 1 (the page number, the target length), empty when not set. */
function CountField({ id, label, max, step, value, disabled, onChange }: { id: string; label: string; max: number; step?: number; value: number | null; disabled: boolean; onChange(next: number | null): void }) {
  return (
    <Field id={id} label={label}>
      <WholeNumberInput id={id} max={max} step={step} value={value} disabled={disabled} onChange={onChange} width="100%" />
    </Field>
  );
}

export interface ArticleMetaPanelProps {
  form: FormFields;
  update: FieldUpdater;
  disabled: boolean;
  /** Fields of a part someone else holds the lock on. */
  locked: ReadonlySet<keyof ArticleFields>;
}

/** Everything about a story but its text, in the order a desk fills it in. */
export function ArticleMetaPanel({ form, update, disabled, locked }: ArticleMetaPanelProps) {
  const { t } = useTranslation();
  const off = (key: keyof ArticleFields) => disabled || locked.has(key);
  const text = (key: 'slug' | 'endCredit' | 'abstract' | 'editorsNote') => ({
    value: form[key],
    disabled: off(key),
    onChange: (e: { target: { value: string } }) => update(key, e.target.value),
  });

  const sections = [
    {
      key: 'basics',
      label: t('editor.sections.basics'),
      children: (
        <>
          <Field id="field-slug" label={t('fields.slug')}>
            <Input id="field-slug" size="small" maxLength={60} {...text('slug')} />
          </Field>
          <div className="panel-pair">
            <Field id="field-desk" label={t('fields.desk')}>
              <DeskSelect id="field-desk" size="small" value={form.desk} disabled={off('desk')} onChange={(v) => update('desk', v)} />
            </Field>
            <Field id="field-genre" label={t('fields.genre')}>
              <Select<Genre>
                id="field-genre"
                size="small"
                value={form.genre}
                disabled={off('genre')}
                onChange={(v) => update('genre', v)}
                options={GENRES.map((g) => ({ value: g, label: t(`genres.${g}`) }))}
              />
            </Field>
          </div>
          <div className="panel-pair">
            <Field id="field-edition-date" label={t('fields.editionDate')}>
              <DateInput id="field-edition-date" size="small" style={{ width: '100%' }} value={form.editionDate} disabled={off('editionDate')} onChange={(v) => update('editionDate', v)} />
            </Field>
            <CountField id="field-page" label={t('fields.page')} max={999} value={form.page} disabled={off('page')} onChange={(v) => update('page', v)} />
          </div>
          <div className="panel-pair">
            <CountField
              id="field-target"
              label={t('fields.targetChars')}
              max={1_000_000}
              step={100}
              value={form.targetChars}
              disabled={off('targetChars')}
              onChange={(v) => update('targetChars', v)}
            />
            <Field id="field-priority" label={t('fields.priority')}>
              <Select<number>
                id="field-priority"
                size="small"
                value={form.priority}
                disabled={off('priority')}
                onChange={(v) => update('priority', v)}
                options={PRIORITIES.map((p) => ({ value: p, label: t(`fields.priorities.${p}`) }))}
              />
            </Field>
          </div>
        </>
      ),
    },
    {
      key: 'people',
      label: t('editor.sections.people'),
      children: (
        <div data-lock-part="body">
          <div className="panel-field">
            <div className="panel-label">{t('fields.bylines')}</div>
            <BylineEditor value={form.bylines} onChange={(v) => update('bylines', v)} disabled={off('bylines')} />
          </div>
          <div className="panel-field">
            <DatelineEditor value={form.dateline} onChange={(v) => update('dateline', v)} disabled={off('dateline')} />
          </div>
          <Field id="field-end-credit" label={t('fields.endCredit')} hint={t('editor.hint.endCredit')}>
            <Input id="field-end-credit" size="small" maxLength={60} {...text('endCredit')} />
          </Field>
        </div>
      ),
    },
    {
      key: 'summary',
      label: t('editor.sections.summary'),
      children: (
        <>
          <div data-lock-part="body">
            <Field id="field-abstract" label={t('fields.abstract')}>
              <Input.TextArea id="field-abstract" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} {...text('abstract')} />
            </Field>
            <Field id="field-editors-note" label={t('fields.editorsNote')}>
              <Input.TextArea id="field-editors-note" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} {...text('editorsNote')} />
            </Field>
          </div>
          <Field id="field-keywords" label={t('fields.keywords')} hint={t('editor.hint.keywords')}>
            <Select<string[]>
              id="field-keywords"
              mode="tags"
              size="small"
              value={form.keywords}
              disabled={off('keywords')}
              maxCount={30}
              tokenSeparators={[',', '，', '、', ';', '；']}
              notFoundContent={null}
              suffixIcon={null}
              onChange={(v) => update('keywords', v)}
              style={{ width: '100%' }}
            />
          </Field>
        </>
      ),
    },
  ];

  return (
    <Collapse
      className="meta-panel"
      size="small"
      ghost
      defaultActiveKey={sections.map((s) => s.key)}
      items={sections}
    />
  );
}
