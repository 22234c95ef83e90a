import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Empty, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoDetail, PhotoListItem } from '../../../shared/api/methods/photos';
import { useSession } from '../stores/sessionStore';
import { DateInput } from '../components/DateInput';
import { useDebounced } from '../search/useDebounced';
import { PhotoGrid } from './PhotoGrid';
import { PhotoDetailPanel } from './PhotoDetailPanel';
import { PhotoImportPanel } from './PhotoImportPanel';
import { usePhotoPages, type PhotoQuery } from './usePhotoPages';
import './photos.css';

type Usage = 'all' | 'used' | 'unused';

/** 图片库: search and filters, the import panel, the virtualized grid and the selected photo beside it. */
export function PhotoLibraryScreen() {
  const { t } = useTranslation();
  const can = useSession((s) => s.can);
  const [text, setText] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [usage, setUsage] = useState<Usage>('all');
  const [showImport, setShowImport] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const queryText = useDebounced(text.trim(), 300);

  const query = useMemo<PhotoQuery>(
    () => ({ usage, ...(queryText ? { query: queryText } : {}), ...(dateFrom ? { dateFrom } : {}), ...(dateTo ? { dateTo } : {}) }),
    [usage, queryText, dateFrom, dateTo],
  );
  const { items, total, error, ensure, reload, replace } = usePhotoPages(query);
  const onChanged = useCallback((photo: PhotoDetail) => replace(photo), [replace]);
  const onSelect = useCallback((photo: PhotoListItem) => setSelectedId(photo.id), []);

  return (
    <div className="photo-library">
      <Space wrap className="photo-toolbar" role="search" aria-label={t('photoDesk.searchLabel')}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('photoDesk.title')}
        </Typography.Title>
        <Input.Search aria-label={t('photoDesk.search')} placeholder={t('photoDesk.searchHint')} allowClear value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} />
        <label className="photo-date">
          {t('photoDesk.dateFrom')}
          <DateInput size="small" aria-label={t('photoDesk.dateFrom')} value={dateFrom || null} onChange={(v) => setDateFrom(v ?? '')} />
        </label>
        <label className="photo-date">
          {t('photoDesk.dateTo')}
          <DateInput size="small" aria-label={t('photoDesk.dateTo')} value={dateTo || null} onChange={(v) => setDateTo(v ?? '')} />
        </label>
        <Select
          aria-label={t('photoDesk.usage')}
          value={usage}
          onChange={setUsage}
          style={{ width: 120 }}
          options={(['all', 'used', 'unused'] as const).map((u) => ({ value: u, label: t(`photoDesk.usageOptions.${u}`) }))}
        />
        <Typography.Text type="secondary">{total === null ? '' : t('photoDesk.total', { count: total })}</Typography.Text>
        {can('photo.manage') && (
          <Button type={showImport ? 'default' : 'primary'} onClick={() => setShowImport((v) => !v)}>
            {showImport ? t('photoDesk.closeImport') : t('photoDesk.import')}
          </Button>
        )}
      </Space>
      {showImport && <PhotoImportPanel onImported={reload} />}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <div className="photo-library-body">
        <div className="photo-library-grid">
          {total === 0 ? (
            <Empty description={queryText || dateFrom || dateTo || usage !== 'all' ? t('photoDesk.noMatch') : t('photoDesk.empty')} />
          ) : (
            <PhotoGrid items={items} total={total ?? 0} selectedId={selectedId} ensure={ensure} onSelect={onSelect} />
          )}
        </div>
        {selectedId && (
          <aside className="photo-library-detail">
            <PhotoDetailPanel key={selectedId} photoId={selectedId} onChanged={onChanged} />
          </aside>
        )}
      </div>
    </div>
  );
}
