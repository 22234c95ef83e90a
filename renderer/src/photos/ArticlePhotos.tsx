import { useEffect, useState } from 'react';
import { Alert, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticlePhoto } from '../../../shared/api/methods/photos';
import { api } from '../api/client';

/** The story's photo set: thumbnail, caption and the printed credit, lead photo first. */
export function ArticlePhotos({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const [photos, setPhotos] = useState<ArticlePhoto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .call('photos.forArticle', { articleId })
      .then((result) => !cancelled && setPhotos(result))
      .catch((e: unknown) => !cancelled && setError((e as Error).message));
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  if (error) return <Alert type="error" showIcon message={error} role="alert" />;
  if (photos === null) return null;
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.none')} />;
  return (
    <List
      aria-label={t('photos.title')}
      dataSource={photos}
      renderItem={(photo) => (
        <List.Item>
          <figure style={{ margin: 0, display: 'flex', gap: 12, alignItems: 'flex-start' }}>
            {photo.thumbnail && <img src={photo.thumbnail} alt={photo.caption} width={160} style={{ borderRadius: 4, flexShrink: 0 }} />}
            <figcaption>
              {photo.isLead && <Tag color="red">{t('photos.lead')}</Tag>}
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
            </figcaption>
          </figure>
        </List.Item>
      )}
    />
  );
}
