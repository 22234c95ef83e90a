import { useEffect, useState } from 'react';
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useDebounced } from '../search/useDebounced';
import { BusyButton } from '../components/BusyButton';
import type { PhotoCrop } from '../../../shared/photos/crops';

interface Option {
  value: string;
  label: string;
}

/** Picks a story by headline (search as you type; the newest stories before typing) and adds the photo to its set, in one of its crops. */
export function LinkToStory({ photoId, crops, onLinked }: { photoId: string; crops: readonly PhotoCrop[]; onLinked(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const [options, setOptions] = useState<Option[]>([]);
  const [articleId, setArticleId] = useState<string | null>(null);
  const [crop, setCrop] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = query === '' ? api.call('articles.list', { limit: 30 }) : api.call('search.articles', { query, limit: 30 });
    load
      .then((r) => !cancelled && setOptions(r.items.map((a) => ({ value: a.id, label: a.headline || t('photoDesk.untitled') }))))
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
    };
  }, [query, t]);

  const link = async () => {
    if (!articleId) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('photos.link', { articleId, photoId, crop: crop || null });
      setArticleId(null);
      onLinked();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        aria-label={t('photoDesk.pickStory')}
        showSearch
        filterOption={false}
        onSearch={setText}
        value={articleId}
        onChange={setArticleId}
        options={options}
        placeholder={error ?? t('photoDesk.pickStory')}
        style={{ flex: 1, minWidth: 0 }}
      />
      {crops.length > 0 && (
        <Select
          aria-label={t('photoDesk.useCrop')}
          value={crop}
          onChange={setCrop}
          options={[{ value: '', label: t('photoDesk.wholePhoto') }, ...crops.map((c) => ({ value: c.name, label: c.name }))]}
          style={{ width: 140 }}
        />
      )}
      <BusyButton type="primary" disabled={!articleId} busy={busy} onClick={() => void link()}>
        {t('photoDesk.link')}
      </BusyButton>
    </Space.Compact>
  );
}
