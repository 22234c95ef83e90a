import { useEffect, useState } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { busyProps } from '../components/BusyButton';
import type { Article } from '../../../shared/domain/article';
import type { EditionBoard, EditionSummary } from '../../../shared/layout/board';
import { isoDate } from '../../../shared/text/dates';

/** The slot choice that asks for a new slot where the page has room. */
const NEW_SLOT = 'new';

interface Props {
  open: boolean;
  article: { id: string; headline: string; editionDate?: string | null; page?: number | null };
  onClose(): void;
  onPlaced(article: Article): void;
}

/** The edition the story is planned for, else the first one from today on, else the latest. */
function defaultDate(editions: readonly EditionSummary[], planned: string | null | undefined): string | undefined {
  if (planned && editions.some((e) => e.date === planned)) return planned;
  const today = isoDate(new Date());
  const upcoming = editions.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  return (upcoming[0] ?? editions[0])?.date;
}

/**
 * 上版 from the editor: the edition (见报日期), the page, and an empty 预留 slot or a new slot where
 * the page has room. The story lands there on the board; its 签发 stands.
 */
export function PlaceDialog({ open, article, onClose, onPlaced }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editions, setEditions] = useState<EditionSummary[]>([]);
  const [date, setDate] = useState<string | undefined>();
  const [board, setBoard] = useState<EditionBoard | null>(null);
  const [pageId, setPageId] = useState<string | undefined>();
  const [slotId, setSlotId] = useState<string>(NEW_SLOT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    api.call('layout.editions', {}).then(
      (list) => {
        setEditions(list);
        setDate(defaultDate(list, article.editionDate));
      },
      (e: unknown) => setError(errorText(e, t('layout.errors.generic'))),
    );
  }, [open, article.editionDate, t]);

  useEffect(() => {
    if (!open || !date) return;
    let live = true;
    setBoard(null);
    api.call('layout.board', { date }).then(
      (b) => {
        if (!live) return;
        setBoard(b);
        setPageId((b.pages.find((p) => p.number === article.page) ?? b.pages[0])?.id);
        setSlotId(NEW_SLOT);
      },
      (e: unknown) => live && setError(errorText(e, t('layout.errors.generic'))),
    );
    return () => {
      live = false;
    };
  }, [open, date, article.page, t]);

  const page = board?.pages.find((p) => p.id === pageId);
  const reserved = page?.slots.filter((s) => s.kind === 'reserved') ?? [];

  const place = async () => {
    if (!date || !page) return;
    setBusy(true);
    try {
      const placed = await api.call('layout.placeStory', { articleId: article.id, date, pageId: page.id, ...(slotId === NEW_SLOT ? {} : { slotId }) });
      message.success(t('layout.place.done', { headline: article.headline, number: page.number, name: page.name }));
      onPlaced(placed.article);
      onClose();
    } catch (e) {
      message.error(errorText(e, t('layout.errors.generic')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('layout.place.title', { headline: article.headline })}
      okText={t('layout.place.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !page, ...busyProps(busy) }}
      onOk={() => void place()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Form layout="vertical">
        <Form.Item label={t('layout.place.edition')} htmlFor="place-edition">
          <Select
            id="place-edition"
            value={date}
            onChange={setDate}
            options={editions.map((e) => ({ value: e.date, label: t('layout.editionItem', { date: e.date, issue: e.issueNumber }) }))}
            notFoundContent={t('layout.noEdition')}
          />
        </Form.Item>
        <Form.Item label={t('layout.place.page')} htmlFor="place-page">
          <Select
            id="place-page"
            value={pageId}
            loading={board === null}
            onChange={(id: string) => {
              setPageId(id);
              setSlotId(NEW_SLOT);
            }}
            options={(board?.pages ?? []).map((p) => ({ value: p.id, label: t('layout.pages.item', { number: p.number, name: p.name }) }))}
            notFoundContent={t('layout.noPage')}
          />
        </Form.Item>
        <Form.Item label={t('layout.place.slot')} htmlFor="place-slot" extra={t('layout.place.slotHint')}>
          <Select
            id="place-slot"
            value={slotId}
            onChange={setSlotId}
            options={[
              { value: NEW_SLOT, label: t('layout.place.newSlot') },
              ...reserved.map((s) => ({ value: s.id, label: t('layout.place.reserved', { label: s.label || t('layout.place.reservedLabel'), col: s.col + 1, line: s.line + 1, columns: s.columns, lines: s.lines }) })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
