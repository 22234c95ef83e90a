import { useEffect, useState } from 'react';
import { Alert, Button, Input, List, Select, Slider, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoDetail } from '../../../shared/api/methods/photos';
import { cropPresets, fitCrop, rotatedSize, type PhotoCrop, type Rotation } from '../../../shared/photos/crops';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import { api } from '../api/client';
import { BusyButton } from '../components/BusyButton';

const PRESETS = cropPresets(DEFAULT_TEMPLATES[0]!);

interface Props {
  photo: PhotoDetail;
  /** the upright, turned preview the crop is drawn over */
  previewUrl: string | null;
  canEdit: boolean;
  onSaved(photo: PhotoDetail): void;
}

/**
 * Named crops per use, cut to an aspect that matches a column width on the page grid (the preset
 * shows the size in mm and the 栏行 it takes), and quarter turns. Nothing here touches the file:
 * the crops are fractions stored with the photo and applied on preview and export.
 */
export function CropEditor({ photo, previewUrl, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const [presetId, setPresetId] = useState(PRESETS.find((p) => p.id === '2-landscape')!.id);
  const [name, setName] = useState('');
  const [scale, setScale] = useState(100);
  const [centre, setCentre] = useState({ x: 50, y: 50 });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setError(null), [photo.id]);

  const preset = PRESETS.find((p) => p.id === presetId)!;
  const size = rotatedSize(photo.width, photo.height, photo.rotation);
  const full = fitCrop(size, preset.aspect, { x: centre.x / 100, y: centre.y / 100 });
  const w = (full.width * scale) / 100;
  const h = (full.height * scale) / 100;
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const draft = { x: clamp(centre.x / 100 - w / 2, 1 - w), y: clamp(centre.y / 100 - h / 2, 1 - h), width: w, height: h };

  const save = async (rotation: Rotation, crops: PhotoCrop[]) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('photos.setCrops', { photoId: photo.id, version: photo.version, rotation, crops }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const turn = (by: 90 | 270) => void save((((photo.rotation + by) % 360) as Rotation), photo.crops);
  const addCrop = () => {
    const cropName = name.trim() || preset.label;
    void save(photo.rotation, [...photo.crops.filter((c) => c.name !== cropName), { name: cropName, ...draft, columns: preset.columns, aspect: preset.aspect }]);
    setName('');
  };

  return (
    <div className="photo-crop-editor">
      {previewUrl && (
        <div className="photo-crop-stage">
          <img src={previewUrl} alt={t('photoDesk.preview')} />
          <div
            className="photo-crop-box"
            aria-hidden="true"
            style={{ left: `${draft.x * 100}%`, top: `${draft.y * 100}%`, width: `${draft.width * 100}%`, height: `${draft.height * 100}%` }}
          />
        </div>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Button disabled={!canEdit || saving} onClick={() => turn(270)}>
          {t('photoDesk.rotateLeft')}
        </Button>
        <Button disabled={!canEdit || saving} onClick={() => turn(90)}>
          {t('photoDesk.rotateRight')}
        </Button>
        <Typography.Text type="secondary">{t('photoDesk.rotation', { degrees: photo.rotation })}</Typography.Text>
      </Space>
      <div className="photo-crop-controls">
        <label>
          {t('photoDesk.preset')}
          <Select
            aria-label={t('photoDesk.preset')}
            value={presetId}
            onChange={setPresetId}
            style={{ width: '100%' }}
            options={PRESETS.map((p) => ({ value: p.id, label: t('photoDesk.presetLabel', { label: p.label, w: p.widthMm, h: p.heightMm, lines: p.columnLines }) }))}
          />
        </label>
        <label>
          {t('photoDesk.cropSize')}
          <Slider aria-label={t('photoDesk.cropSize')} min={30} max={100} value={scale} onChange={setScale} />
        </label>
        <label>
          {t('photoDesk.cropX')}
          <Slider aria-label={t('photoDesk.cropX')} min={0} max={100} value={centre.x} onChange={(x) => setCentre((c) => ({ ...c, x }))} />
        </label>
        <label>
          {t('photoDesk.cropY')}
          <Slider aria-label={t('photoDesk.cropY')} min={0} max={100} value={centre.y} onChange={(y) => setCentre((c) => ({ ...c, y }))} />
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label={t('photoDesk.cropName')} placeholder={t('photoDesk.cropNameHint', { label: preset.label })} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} />
          <BusyButton type="primary" disabled={!canEdit} busy={saving} onClick={addCrop}>
            {t('photoDesk.addCrop')}
          </BusyButton>
        </Space.Compact>
      </div>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <List
        size="small"
        header={t('photoDesk.crops')}
        locale={{ emptyText: t('photoDesk.noCrops') }}
        dataSource={photo.crops}
        renderItem={(crop) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Button key="remove" size="small" danger onClick={() => void save(photo.rotation, photo.crops.filter((c) => c.name !== crop.name))}>
                      {t('photoDesk.removeCrop')}
                    </Button>,
                  ]
                : []
            }
          >
            {crop.name}
            {crop.columns ? ` · ${t('photoDesk.columns', { count: crop.columns })}` : ''}
          </List.Item>
        )}
      />
    </div>
  );
}
