import { useEffect, useState } from 'react';
import { Alert, Button, Input, List, Select, Slider, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoDetail } from '../../../shared/api/methods/photos';
import ReactCrop from 'react-image-crop';
import 'react-image-crop/dist/ReactCrop.css';
import { cropAround, cropCentre, cropPresets, fitCrop, rotatedSize, type CropRect, type PhotoCrop, type Rotation } from '../../../shared/photos/crops';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
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
 * shows the size in mm and the 栏行 it takes), and quarter turns. The crop is drawn on the picture
 * (react-image-crop: drag it, or its corners and edges, keeping the preset's shape; arrow keys move
 * it) or set with the sliders. Nothing here touches the file: the crops are fractions stored with
 * the photo and applied on preview and export.
 */
export function CropEditor({ photo, previewUrl, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const [presetId, setPresetId] = useState(PRESETS.find((p) => p.id === '2-landscape')!.id);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const preset = PRESETS.find((p) => p.id === presetId)!;
  const size = rotatedSize(photo.width, photo.height, photo.rotation);
  /** The crop being drawn, in fractions of the turned photo: dragged on the picture, or set by the sliders. */
  const [draft, setDraft] = useState<CropRect>(() => fitCrop(size, preset.aspect));

  useEffect(() => setError(null), [photo.id]);
  // A new shape or a quarter turn starts from the largest crop of that shape around the same centre.
  useEffect(() => {
    setDraft((d) => fitCrop(size, preset.aspect, cropCentre(d)));
  }, [preset.aspect, size.width, size.height]);

  const full = fitCrop(size, preset.aspect, cropCentre(draft));
  const scale = Math.round((draft.width / full.width) * 100);
  const resize = (percent: number) => setDraft((d) => cropAround(cropCentre(d), full.width * (percent / 100), full.height * (percent / 100)));
  const move = (axis: 'x' | 'y', percent: number) => setDraft((d) => cropAround({ ...cropCentre(d), [axis]: percent / 100 }, d.width, d.height));
  const save = async (rotation: Rotation, crops: PhotoCrop[]) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('photos.setCrops', { photoId: photo.id, version: photo.version, rotation, crops }));
    } catch (e) {
      setError(errorText(e));
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
        <ReactCrop
          className="photo-crop-stage"
          crop={{ unit: '%', x: draft.x * 100, y: draft.y * 100, width: draft.width * 100, height: draft.height * 100 }}
          aspect={1 / preset.aspect}
          keepSelection
          ruleOfThirds
          disabled={!canEdit}
          ariaLabels={{
            cropArea: t('photoDesk.cropArea'),
            nwDragHandle: t('photoDesk.cropHandles.nw'),
            nDragHandle: t('photoDesk.cropHandles.n'),
            neDragHandle: t('photoDesk.cropHandles.ne'),
            eDragHandle: t('photoDesk.cropHandles.e'),
            seDragHandle: t('photoDesk.cropHandles.se'),
            sDragHandle: t('photoDesk.cropHandles.s'),
            swDragHandle: t('photoDesk.cropHandles.sw'),
            wDragHandle: t('photoDesk.cropHandles.w'),
          }}
          onChange={(_, percent) => setDraft({ x: percent.x / 100, y: percent.y / 100, width: percent.width / 100, height: percent.height / 100 })}
        >
          <img src={previewUrl} alt={t('photoDesk.preview')} />
        </ReactCrop>
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
          <Slider aria-label={t('photoDesk.cropSize')} min={10} max={100} value={scale} onChange={resize} />
        </label>
        <label>
          {t('photoDesk.cropX')}
          <Slider aria-label={t('photoDesk.cropX')} min={0} max={100} value={Math.round(cropCentre(draft).x * 100)} onChange={(x) => move('x', x)} />
        </label>
        <label>
          {t('photoDesk.cropY')}
          <Slider aria-label={t('photoDesk.cropY')} min={0} max={100} value={Math.round(cropCentre(draft).y * 100)} onChange={(y) => move('y', y)} />
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
