import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Empty, List, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoDetail } from '../../../shared/api/methods/photos';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useSession } from '../stores/sessionStore';
import { useRoute } from '../stores/routeStore';
import { CaptionEditor } from './CaptionEditor';
import { CropEditor } from './CropEditor';
import { LinkToStory } from './LinkToStory';
import { blobUrl } from './photoFiles';
import { base64ToBytes, JPEG_FILE, saveFile } from '../api/saveFile';
import { BusyButton } from '../components/BusyButton';

/** Our field names for what the file said (PhotoMetadata), in display order. */
const METADATA_FIELDS = ['caption', 'headline', 'title', 'creators', 'creatorJobTitle', 'credit', 'source', 'copyright', 'keywords', 'city', 'province', 'country', 'sublocation', 'dateCreated', 'gps', 'camera', 'captionWriter', 'instructions', 'jobId'] as const;

function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length > 0 ? value.join('、') : null;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).filter((v) => v !== undefined).join(', ');
  return String(value);
}

interface Props {
  photoId: string;
  onChanged(photo: PhotoDetail): void;
}

/** One photo: the screen preview, caption and credit, crops, what the file said, where it is used, export. */
export function PhotoDetailPanel({ photoId, onChanged }: Props) {
  const { t } = useTranslation();
  const can = useSession((s) => s.can);
  const go = useRoute((s) => s.go);
  const [photo, setPhoto] = useState<PhotoDetail | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const canEdit = can('photo.manage');

  const load = useCallback(async () => {
    try {
      const detail = await api.call('photos.get', { photoId });
      setPhoto(detail);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [photoId]);

  useEffect(() => {
    setPhoto(null);
    void load();
  }, [load]);

  // Saved in another window: shown here (the caption editor keeps unsaved typing).
  useEffect(() => api.onEvent((event) => ((event.type === 'photo.changed' && event.photoId === photoId) || event.type === 'events.resumed') && void load()), [photoId, load]);

  // The preview follows the rotation; it arrives as base64 and is shown through a blob: URL.
  const rotation = photo?.rotation;
  useEffect(() => {
    if (rotation === undefined) return;
    let url: string | null = null;
    let cancelled = false;
    api
      .call('photos.preview', { photoId })
      .then((p) => {
        if (cancelled) return;
        url = blobUrl(p.dataBase64, p.mime);
        setPreviewUrl(url);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
      setPreviewUrl(null);
    };
  }, [photoId, rotation]);

  const saved = (next: PhotoDetail) => {
    setPhoto(next);
    onChanged(next);
  };

  const exportPhoto = async (crop?: string) => {
    setExporting(crop ?? '');
    try {
      const file = await api.call('photos.export', { photoId, crop });
      await saveFile(file.fileName, base64ToBytes(file.dataBase64), JPEG_FILE);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setExporting(null);
    }
  };

  if (error && !photo) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!photo) return <Spin />;

  const metadataRows = METADATA_FIELDS.map((key) => ({ key, value: shown(photo.metadata[key]) })).filter((r) => r.value !== null);

  return (
    <section className="photo-detail" aria-label={t('photoDesk.detail')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {photo.originalName}
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
          {photo.width} × {photo.height}
        </Typography.Text>
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" message={error} closable onClose={() => setError(null)} />}
      <Tabs
        items={[
          {
            key: 'caption',
            label: t('photoDesk.tabCaption'),
            children: (
              <>
                {previewUrl && <img className="photo-detail-preview" src={previewUrl} alt={t('photoDesk.preview')} />}
                <CaptionEditor photo={photo} canEdit={canEdit} onSaved={saved} />
              </>
            ),
          },
          { key: 'crop', label: t('photoDesk.tabCrop'), children: <CropEditor photo={photo} previewUrl={previewUrl} canEdit={canEdit} onSaved={saved} /> },
          {
            key: 'metadata',
            label: t('photoDesk.tabMetadata'),
            children:
              metadataRows.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photoDesk.noMetadata')} />
              ) : (
                <Descriptions size="small" column={1} bordered items={metadataRows.map((r) => ({ key: r.key, label: t(`photoDesk.fields.${r.key}`), children: r.value }))} />
              ),
          },
          {
            key: 'uses',
            label: t('photoDesk.tabUses', { count: photo.uses.length + photo.placements.length }),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <List
                  size="small"
                  locale={{ emptyText: t('photoDesk.unused') }}
                  dataSource={photo.uses}
                  renderItem={(use) => (
                    <List.Item>
                      <Button type="link" onClick={() => go({ name: 'article', id: use.articleId })}>
                        {use.headline || t('photoDesk.untitled')}
                      </Button>
                      {use.isLead && <Tag color="red">{t('photos.lead')}</Tag>}
                    </List.Item>
                  )}
                />
                {photo.placements.length > 0 && (
                  <List
                    size="small"
                    header={t('photoDesk.placements')}
                    dataSource={photo.placements}
                    renderItem={(p) => <List.Item>{t('photoDesk.placement', { date: p.editionDate, number: p.pageNumber, name: p.pageName })}</List.Item>}
                  />
                )}
                {canEdit && <LinkToStory photoId={photo.id} crops={photo.crops} onLinked={() => void load()} />}
              </Space>
            ),
          },
        ]}
      />
      <Space wrap className="photo-export">
        <BusyButton onClick={() => void exportPhoto()} busy={exporting === ''}>
          {t('photoDesk.export')}
        </BusyButton>
        {photo.crops.map((c) => (
          <BusyButton key={c.name} onClick={() => void exportPhoto(c.name)} busy={exporting === c.name}>
            {t('photoDesk.exportCrop', { name: c.name })}
          </BusyButton>
        ))}
      </Space>
    </section>
  );
}
