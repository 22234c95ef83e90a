import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Empty, Form, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticlePhoto, ImportedCaption, PhotoDetail, PhotoListItem } from '../../../shared/api/methods/photos';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useSession } from '../stores/sessionStore';
import { useDebounced } from '../search/useDebounced';
import { FormDialog } from '../components/FormDialog';
import './photos.css';

/** Picks photos from the library by caption, photographer or keyword. */
function PhotoPicker({ open, onPick, onClose }: { open: boolean; onPick(photo: PhotoListItem): void; onClose(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const [items, setItems] = useState<PhotoListItem[]>([]);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api
      .call('photos.list', { limit: 48, ...(query ? { query } : {}) })
      .then((r) => !cancelled && setItems(r.items))
      .catch(() => !cancelled && setItems([]));
    return () => {
      cancelled = true;
    };
  }, [open, query]);

  return (
    <Modal open={open} title={t('photoDesk.pickPhoto')} onCancel={onClose} footer={null} width={720}>
      <input className="ant-input" aria-label={t('photoDesk.search')} placeholder={t('photoDesk.searchHint')} value={text} onChange={(e) => setText(e.target.value)} style={{ marginBottom: 12 }} />
      <List
        grid={{ gutter: 8, column: 4 }}
        dataSource={items}
        locale={{ emptyText: t('photoDesk.noMatch') }}
        renderItem={(photo) => (
          <List.Item>
            <button type="button" className="photo-cell" aria-label={t('photoDesk.addThis', { name: photo.caption || photo.originalName })} onClick={() => onPick(photo)}>
              {photo.thumbnail && <img src={photo.thumbnail} alt="" />}
              <Typography.Text className="photo-cell-caption" ellipsis>
                {photo.caption || photo.originalName}
              </Typography.Text>
            </button>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/**
 * The story's photo set: thumbnail, caption and the printed credit, lead photo first; with
 * photo.manage, one lead is chosen here and photos are added from the library or taken off the story.
 */
export function ArticlePhotos({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const canEdit = useSession((s) => s.can('photo.manage'));
  const [photos, setPhotos] = useState<ArticlePhoto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [waiting, setWaiting] = useState<ImportedCaption[]>([]);
  /** A photo picked that has named crops: which one the story runs is asked before it is added. */
  const [choosing, setChoosing] = useState<PhotoDetail | null>(null);
  const [cropForm] = Form.useForm<{ crop: string }>();

  const run = useCallback(async (call: Promise<ArticlePhoto[]>) => {
    try {
      setPhotos(await call);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void run(api.call('photos.forArticle', { articleId }));
  }, [articleId, run]);

  // Captions imported with the copy: each photo linked takes one, so they follow the photos.
  useEffect(() => {
    let stale = false;
    api.call('photos.importedCaptions', { articleId }).then(
      (list) => !stale && setWaiting(list),
      () => !stale && setWaiting([]),
    );
    return () => {
      stale = true;
    };
  }, [articleId, photos]);

  // A photo of this story recaptioned, or this story's photos changed, in any window.
  const shown = useRef<ArticlePhoto[] | null>(null);
  shown.current = photos;
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'events.resumed') return void run(api.call('photos.forArticle', { articleId }));
        if (event.type !== 'photo.changed') return;
        if (event.articleId === articleId || shown.current?.some((p) => p.id === event.photoId)) void run(api.call('photos.forArticle', { articleId }));
      }),
    [articleId, run],
  );

  return (
    <section aria-label={t('photos.title')}>
      {error && <Alert type="error" showIcon message={error} role="alert" closable onClose={() => setError(null)} />}
      {photos !== null && photos.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.none')} />}
      {photos !== null && photos.length > 0 && (
        <List
          aria-label={t('photos.title')}
          dataSource={[...photos].sort((a, b) => Number(b.isLead) - Number(a.isLead))}
          renderItem={(photo) => (
            <List.Item>
              <figure style={{ margin: 0, display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                {photo.thumbnail && <img src={photo.thumbnail} alt={photo.caption} width={96} style={{ borderRadius: 4, flexShrink: 0 }} />}
                <figcaption style={{ minWidth: 0, overflowWrap: 'anywhere', paddingRight: 8 }}>
                  {photo.isLead && <Tag color="red">{t('photos.lead')}</Tag>}
                  {photo.crop && <Tag>{t('photos.inCrop', { name: photo.crop })}</Tag>}
                  <Typography.Text>
                    {photo.caption}
                    {'\u3000'}
                    <Typography.Text strong>{photo.credit}</Typography.Text>
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {photo.width} × {photo.height}
                    </Typography.Text>
                  </div>
                  {canEdit && (
                    <Space size="small" style={{ marginTop: 4 }}>
                      {!photo.isLead && (
                        <Button size="small" onClick={() => void run(api.call('photos.setLead', { articleId, photoId: photo.id }))}>
                          {t('photoDesk.makeLead')}
                        </Button>
                      )}
                      <Button size="small" danger onClick={() => void run(api.call('photos.unlink', { articleId, photoId: photo.id }))}>
                        {t('photoDesk.unlink')}
                      </Button>
                    </Space>
                  )}
                </figcaption>
              </figure>
            </List.Item>
          )}
        />
      )}
      {waiting.length > 0 && (
        <section aria-label={t('photos.waitingCaptions')} style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('photos.waitingCaptions')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('photos.waitingHint')}
          </Typography.Paragraph>
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {waiting.map((c) => (
              <li key={c.id}>
                {c.text}
                {c.credit && (
                  <>
                    {'\u3000'}
                    <Typography.Text strong>{c.credit}</Typography.Text>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {canEdit && (
        <Button onClick={() => setPicking(true)} style={{ marginTop: 8 }}>
          {t('photoDesk.addFromLibrary')}
        </Button>
      )}
      <PhotoPicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(photo) => {
          setPicking(false);
          void run(
            api.call('photos.get', { photoId: photo.id }).then((detail) => {
              if (detail.crops.length === 0) return api.call('photos.link', { articleId, photoId: photo.id });
              cropForm.setFieldsValue({ crop: detail.crops[0]!.name });
              setChoosing(detail);
              return api.call('photos.forArticle', { articleId });
            }),
          );
        }}
      />
      <FormDialog<{ crop: string }>
        open={choosing !== null}
        title={t('photos.chooseCrop')}
        okText={t('photoDesk.link')}
        form={cropForm}
        onSubmit={async ({ crop }) => {
          if (!choosing) return;
          setPhotos(await api.call('photos.link', { articleId, photoId: choosing.id, crop: crop || null }));
          setChoosing(null);
        }}
        onCancel={() => setChoosing(null)}
        failure={t('photos.linkFailed')}
      >
        <Form.Item name="crop" label={t('photoDesk.useCrop')}>
          <Radio.Group
            options={[...(choosing?.crops ?? []).map((c) => ({ value: c.name, label: c.name })), { value: '', label: t('photoDesk.wholePhoto') }]}
            optionType="default"
          />
        </Form.Item>
      </FormDialog>
    </section>
  );
}
