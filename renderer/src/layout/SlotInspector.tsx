import { useState } from 'react';
import { Button, Descriptions, Input, Select, Space, Typography } from 'antd';
import { NumberInput } from '../components/NumberInput';
import { useTranslation } from 'react-i18next';
import type { BudgetStory, LayoutPage, LayoutSlot, SlotRect } from '../../../shared/layout/board';
import type { BoardSlotFit } from '../../../shared/layout/boardFit';
import { fitText } from './fitText';
import { SlotPhotoPicker } from './SlotPhotoPicker';

interface Props {
  slot: LayoutSlot;
  story: BudgetStory | undefined;
  fit: BoardSlotFit | undefined;
  pages: readonly LayoutPage[];
  editable: boolean;
  onRect(rect: SlotRect): void;
  onOptions(patch: Partial<Pick<LayoutSlot, 'textColumns' | 'photoColumns' | 'photoId' | 'headlinePt'>>): void;
  onJump(pageId: string): void;
  onRemove(): void;
}

const GEOMETRY: readonly (keyof SlotRect)[] = ['col', 'line', 'columns', 'lines'];

/** "26,15" or "26，15" → [26, 15]; the main side refuses sizes out of range with the reason. */
function parseSizes(text: string): number[] {
  return text
    .split(/[,，\s]+/)
    .filter((p) => p !== '')
    .map(Number);
}

/** The selected slot: exact geometry, 破栏, photo width, copy-fit figures, 转版 and removal. */
export function SlotInspector({ slot, story, fit, pages, editable, onRect, onOptions, onJump, onRemove }: Props) {
  const { t } = useTranslation();
  const [jumpTo, setJumpTo] = useState<string | null>(null);
  const offset = (key: keyof SlotRect) => (key === 'col' || key === 'line' ? 1 : 0);
  const otherPages = pages.filter((p) => p.id !== slot.pageId);
  const photo = story?.photos[0];
  return (
    <section aria-label={t('layout.inspector.title')} className="layout-inspector">
      <Typography.Title level={5}>{story?.headline ?? (slot.label || t(`layout.slotKinds.${slot.kind}`))}</Typography.Title>
      <Space wrap>
        {GEOMETRY.map((key) => (
          <label key={key} className="layout-inspector__field">
            {t(`layout.inspector.${key}`)}
            <NumberInput
              size="small"
              aria-label={t(`layout.inspector.${key}`)}
              value={slot[key] + offset(key)}
              disabled={!editable}
              min={1}
              onChange={(value) => {
                if (typeof value === 'number' && value - offset(key) !== slot[key]) onRect({ col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines, [key]: value - offset(key) });
              }}
            />
          </label>
        ))}
        {slot.kind === 'article' && (
          <label className="layout-inspector__field">
            {t('layout.inspector.textColumns')}
            <NumberInput
              size="small"
              aria-label={t('layout.inspector.textColumns')}
              value={slot.textColumns ?? slot.columns}
              min={1}
              max={slot.columns * 3}
              disabled={!editable}
              onChange={(value) => {
                if (typeof value === 'number') onOptions({ textColumns: value === slot.columns ? null : value });
              }}
            />
          </label>
        )}
        {slot.kind === 'article' && (
          <label className="layout-inspector__field">
            {t('layout.inspector.headlinePt')}
            <Input
              size="small"
              style={{ width: 110 }}
              aria-label={t('layout.inspector.headlinePt')}
              defaultValue={slot.headlinePt.join(',')}
              disabled={!editable}
              onPressEnter={(e) => onOptions({ headlinePt: parseSizes(e.currentTarget.value) })}
              onBlur={(e) => {
                const sizes = parseSizes(e.currentTarget.value);
                if (sizes.join(',') !== slot.headlinePt.join(',')) onOptions({ headlinePt: sizes });
              }}
            />
          </label>
        )}
        {slot.kind === 'photo' && (
          <label className="layout-inspector__field">
            {t('layout.inspector.photo')}
            <SlotPhotoPicker value={slot.photoId} disabled={!editable} onChange={(photoId) => onOptions({ photoId })} />
          </label>
        )}
        {slot.kind === 'article' && photo && (
          <label className="layout-inspector__field">
            {t('layout.inspector.photoColumns')}
            <NumberInput
              size="small"
              aria-label={t('layout.inspector.photoColumns')}
              value={slot.photoId ? (slot.photoColumns ?? slot.columns) : 0}
              min={0}
              max={slot.columns}
              disabled={!editable}
              onChange={(value) => {
                if (typeof value === 'number') onOptions(value === 0 ? { photoId: null, photoColumns: null } : { photoId: photo.id, photoColumns: value });
              }}
            />
          </label>
        )}
      </Space>
      {fit && (
        <Descriptions size="small" column={1} className="layout-inspector__fit">
          <Descriptions.Item label={t('layout.inspector.fit')}>
            <span className={`layout-fit-text layout-fit-text--${fit.fit.status}`}>{fitText(t, fit.fit)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('layout.inspector.capacity')}>{t('layout.inspector.capacityValue', { chars: fit.fit.capacityChars, lines: fit.fit.capacityLines, cpl: fit.fit.cpl })}</Descriptions.Item>
          <Descriptions.Item label={t('layout.inspector.depth')}>{t('layout.inspector.depthValue', { headline: fit.fit.headlineLines, photo: fit.fit.photoLines, body: fit.fit.bodyLines })}</Descriptions.Item>
          {fit.jumpOut && <Descriptions.Item label={t('layout.inspector.jumpOut')}>{fit.jumpOut}</Descriptions.Item>}
          {fit.jumpIn && <Descriptions.Item label={t('layout.inspector.jumpIn')}>{fit.jumpIn}</Descriptions.Item>}
        </Descriptions>
      )}
      {editable && (
        <Space wrap>
          {slot.kind === 'article' && !fit?.jumpOut && (
            <>
              <Select
                size="small"
                style={{ width: 140 }}
                aria-label={t('layout.inspector.jumpTarget')}
                placeholder={t('layout.inspector.jumpTarget')}
                value={jumpTo}
                onChange={setJumpTo}
                options={otherPages.map((p) => ({ value: p.id, label: t('layout.pages.item', { number: p.number, name: p.name }) }))}
              />
              <Button size="small" disabled={!jumpTo} onClick={() => jumpTo && onJump(jumpTo)}>
                {t('layout.inspector.jump')}
              </Button>
            </>
          )}
          {fit && fit.fit.status !== 'fit' && !fit.jumpOut && (
            <Button
              size="small"
              title={t('layout.inspector.fitDepthHelp')}
              onClick={() => onRect({ col: slot.col, line: slot.line, columns: slot.columns, lines: Math.max(1, fit.fit.depthLines) })}
            >
              {t('layout.inspector.fitDepth')}
            </Button>
          )}
          <Button size="small" danger onClick={onRemove}>
            {t('layout.inspector.remove')}
          </Button>
        </Space>
      )}
    </section>
  );
}
