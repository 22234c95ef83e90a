import { DatePicker, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/article';
import type { SearchFacets } from '../../../shared/api/methods/search';

export interface ListFilterState {
  /** What is in the search box, as typed. */
  text: string;
  status: ArticleStatus[];
  desk: string | null;
  authorId: string | null;
  /** Last-change days, YYYY-MM-DD, both ends included. */
  dates: [string, string] | null;
  trash: boolean;
}

export const NO_FILTERS: ListFilterState = { text: '', status: [], desk: null, authorId: null, dates: null, trash: false };

export function ListFilters({ value, facets, onChange }: { value: ListFilterState; facets: SearchFacets; onChange: (next: ListFilterState) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<ListFilterState>) => onChange({ ...value, ...patch });
  const searching = value.text.trim().length > 0;
  return (
    <Space wrap role="search" aria-label={t('search.filters')}>
      <Input
        type="search"
        allowClear
        aria-label={t('search.box')}
        placeholder={t('search.placeholder')}
        style={{ width: 240 }}
        value={value.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <Select<ArticleStatus[]>
        mode="multiple"
        allowClear
        aria-label={t('articles.filterStatus')}
        placeholder={t('articles.filterStatus')}
        style={{ minWidth: 160 }}
        value={value.status}
        onChange={(status) => set({ status })}
        options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select<string>
        allowClear
        aria-label={t('search.desk')}
        placeholder={t('search.desk')}
        style={{ width: 130 }}
        value={value.desk ?? undefined}
        onChange={(desk) => set({ desk: desk ?? null })}
        options={facets.desks.map((d) => ({ value: d, label: d }))}
      />
      <Select<string>
        allowClear
        showSearch
        optionFilterProp="label"
        aria-label={t('search.author')}
        placeholder={t('search.author')}
        style={{ width: 130 }}
        value={value.authorId ?? undefined}
        onChange={(authorId) => set({ authorId: authorId ?? null })}
        options={facets.authors.map((a) => ({ value: a.id, label: a.displayName }))}
      />
      {/* articles.list has no last-change range, so the dates narrow searches only. */}
      <span title={searching ? undefined : t('search.datesNeedQuery')}>
        <DatePicker.RangePicker
          aria-label={t('search.dates')}
          placeholder={[t('search.dateFrom'), t('search.dateTo')]}
          disabled={!searching}
          style={{ width: 240 }}
          onChange={(_, range) => set({ dates: range[0] && range[1] ? [range[0], range[1]] : null })}
        />
      </span>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <Switch size="small" checked={value.trash} onChange={(trash) => set({ trash })} aria-label={t('search.trash')} />
        {t('search.trash')}
      </label>
    </Space>
  );
}
