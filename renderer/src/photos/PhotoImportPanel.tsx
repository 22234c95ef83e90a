import { useRef, useState, type DragEvent } from 'react';
import { Alert, Button, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES } from '../../../shared/api/methods/photos';
import { usePhotoImport } from './usePhotoImport';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.tif,.tiff,image/jpeg,image/png,image/webp,image/tiff';

/**
 * Drop photos here or pick them (a whole folder too). The browser host and the desktop window both
 * hand the renderer File objects this way; every file is checked by content on the main side, so a
 * text file named .jpg is refused there, not here.
 */
export function PhotoImportPanel({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { progress, start, cancel, reset } = usePhotoImport(onImported, (name) => t('photoDesk.tooLarge', { name, mb: MAX_PHOTO_BYTES / 1024 / 1024 }));

  const take = (list: FileList | null) => {
    const files = [...(list ?? [])].filter((f) => !f.name.startsWith('.'));
    void start(files);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!progress.running) take(event.dataTransfer.files);
  };

  const counts = {
    imported: progress.results.filter((r) => r.status === 'imported').length,
    duplicate: progress.results.filter((r) => r.status === 'duplicate').length,
    refused: progress.results.filter((r) => r.status === 'refused').length,
  };

  return (
    <section aria-label={t('photoDesk.importTitle')} className="photo-import">
      <div
        className={`photo-drop${over ? ' photo-drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Typography.Text>{t('photoDesk.dropHint')}</Typography.Text>
        <Space>
          <Button type="primary" disabled={progress.running} onClick={() => fileInput.current?.click()}>
            {t('photoDesk.pickFiles')}
          </Button>
          <Button disabled={progress.running} onClick={() => folderInput.current?.click()}>
            {t('photoDesk.pickFolder')}
          </Button>
        </Space>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          aria-label={t('photoDesk.pickFiles')}
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          aria-label={t('photoDesk.pickFolder')}
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {progress.total > 0 && (
        <div className="photo-import-progress">
          <Space style={{ width: '100%' }} align="center">
            <Progress
              aria-label={t('photoDesk.progress')}
              percent={Math.round((progress.done / progress.total) * 100)}
              format={() => `${progress.done} / ${progress.total}`}
              status={progress.running ? 'active' : counts.refused > 0 ? 'exception' : 'success'}
              style={{ width: 320, margin: 0 }}
            />
            {progress.running ? (
              <Button danger onClick={cancel}>
                {t('photoDesk.cancel')}
              </Button>
            ) : (
              <Button onClick={reset}>{t('photoDesk.dismiss')}</Button>
            )}
          </Space>
          {!progress.running && (
            <Alert
              role="status"
              type={counts.refused > 0 ? 'warning' : 'success'}
              showIcon
              message={t(progress.cancelled ? 'photoDesk.summaryCancelled' : 'photoDesk.summary', { ...counts, total: progress.total, done: progress.done })}
            />
          )}
          <section aria-label={t('photoDesk.results')}>
          <List
            size="small"
            dataSource={progress.results}
            renderItem={(r) => (
              <List.Item>
                <span>
                  <Tag color={r.status === 'imported' ? 'green' : r.status === 'duplicate' ? 'blue' : 'red'}>{t(`photoDesk.status.${r.status}`)}</Tag>
                  <Typography.Text>{r.fileName}</Typography.Text>
                  {r.status === 'refused' && <Typography.Text type="danger">{t('photoDesk.refusedBecause', { message: r.message })}</Typography.Text>}
                </span>
              </List.Item>
            )}
          />
          </section>
        </div>
      )}
    </section>
  );
}
