import { AutoComplete, Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleDateline } from '../../../shared/domain/article';
import { WholeNumberInput } from './WholeNumberInput';

type Kind = ArticleDateline['kind'] | 'none';
const KINDS: Kind[] = ['none', 'local', 'remote', 'wire'];
const AGENCIES = ['新华社', '中新社', '人民日报', '央视新闻'];

export interface DatelineEditorProps {
  value: ArticleDateline | null;
  onChange(next: ArticleDateline | null): void;
  disabled: boolean;
}

/** 月 or 日 of the 电头: a whole number from 1, empty when not given. */
function DayPart({ part, max, value, disabled, onChange }: { part: 'month' | 'day'; max: number; value: number | undefined; disabled: boolean; onChange(next: number | undefined): void }) {
  const { t } = useTranslation();
  const id = `field-dateline-${part}`;
  return (
    <span className="dateline-part">
      <label htmlFor={id}>{t(part === 'month' ? 'fields.datelineMonth' : 'fields.datelineDay')}</label>
      <WholeNumberInput id={id} max={max} value={value} disabled={disabled} onChange={(v) => onChange(v ?? undefined)} width={56} />
    </span>
  );
}

/** The 电头's parts; buildDateline assembles them, so a reporter never types the parentheses. */
export function DatelineEditor({ value, onChange, disabled }: DatelineEditorProps) {
  const { t } = useTranslation();
  const kind: Kind = value?.kind ?? 'none';
  const set = (patch: Partial<ArticleDateline>) => {
    if (value) onChange({ ...value, ...patch });
  };

  return (
    <div className="dateline-editor">
      <label className="panel-label" htmlFor="field-dateline-kind">
        {t('fields.datelineKind')}
      </label>
      <Select<Kind>
        id="field-dateline-kind"
        size="small"
        value={kind}
        disabled={disabled}
        onChange={(next) => onChange(next === 'none' ? null : { ...(value ?? {}), kind: next })}
        options={KINDS.map((k) => ({ value: k, label: t(`fields.datelineKinds.${k}`) }))}
        style={{ width: '100%' }}
      />
      {value && value.kind !== 'local' && (
        <div className="dateline-parts">
          {value.kind === 'wire' && (
            <span className="dateline-part">
              <label htmlFor="field-dateline-source">{t('fields.datelineSource')}</label>
              <AutoComplete
                id="field-dateline-source"
                size="small"
                value={value.source ?? ''}
                placeholder="新华社"
                disabled={disabled}
                options={AGENCIES.map((a) => ({ value: a }))}
                onChange={(source: string) => set({ source: source.trim() === '' ? undefined : source })}
                style={{ width: 96 }}
              />
            </span>
          )}
          <span className="dateline-part">
            <label htmlFor="field-dateline-place">{t('fields.datelinePlace')}</label>
            <Input
              id="field-dateline-place"
              size="small"
              value={value.place ?? ''}
              maxLength={20}
              disabled={disabled}
              onChange={(e) => set({ place: e.target.value === '' ? undefined : e.target.value })}
              style={{ width: 88 }}
            />
          </span>
          <DayPart part="month" max={12} value={value.month} disabled={disabled} onChange={(month) => set({ month })} />
          <DayPart part="day" max={31} value={value.day} disabled={disabled} onChange={(day) => set({ day })} />
          <Button
            size="small"
            type="link"
            disabled={disabled}
            onClick={() => {
              const today = new Date();
              set({ month: today.getMonth() + 1, day: today.getDate() });
            }}
          >
            {t('fields.datelineToday')}
          </Button>
        </div>
      )}
    </div>
  );
}
