import { useCallback, useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoListItem } from '../../../shared/api/methods/photos';
import { api } from '../api/client';

interface Props {
  value: string | null;
  disabled: boolean;
  onChange(photoId: string | null): void;
}

function label(photo: PhotoListItem): string {
  const caption = photo.caption.trim() || photo.originalName;
  return `${Array.from(caption).slice(0, 28).join('')}${photo.credit ? `（${photo.credit}）` : ''}`;
}

/** The photo a photo slot holds, found in the library by caption, photographer or keyword. */
export function SlotPhotoPicker({ value, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState<PhotoListItem[]>([]);
  const [held, setHeld] = useState<PhotoListItem | null>(null);

  const search = useCallback((query: string) => {
    api
      .call('photos.list', { ...(query.trim() ? { query: query.trim() } : {}), limit: 30 })
      .then((result) => setFound(result.items))
      .catch(() => setFound([]));
  }, []);

  useEffect(() => search(''), [search]);
  useEffect(() => {
    if (!value) return setHeld(null);
    api
      .call('photos.get', { photoId: value })
      .then((photo) => setHeld(photo))
      .catch(() => setHeld(null));
  }, [value]);

  const options = [...(held && !found.some((p) => p.id === held.id) ? [held] : []), ...found];
  return (
    <Select
      size="small"
      showSearch
      allowClear
      filterOption={false}
      style={{ width: 260 }}
      aria-label={t('layout.inspector.photo')}
      placeholder={t('layout.inspector.photoPlaceholder')}
      disabled={disabled}
      value={value ?? undefined}
      onSearch={search}
      onChange={(id?: string) => onChange(id ?? null)}
      options={options.map((p) => ({ value: p.id, label: label(p) }))}
    />
  );
}
