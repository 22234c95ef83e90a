import { useState } from 'react';
import { App, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditionBoard } from '../../../shared/layout/board';
import type { BoardFit } from '../../../shared/layout/boardFit';

interface Props {
  board: EditionBoard;
  fit: BoardFit;
  pageId: string | null;
  editable: boolean;
  onSelect(pageId: string): void;
  onMove(pageId: string, number: number): void;
  onRemove(pageId: string, confirm: boolean): Promise<void>;
  onAdd(name: string, templateId: string): void;
}

/** The edition's pages in order (版序): select, move up or down, remove (asking first when a page holds slots), add. */
export function PageList({ board, fit, pageId, editable, onSelect, onMove, onRemove, onAdd }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(board.pages[0]?.templateId ?? board.templates[0]?.id ?? null);
  const remove = (id: string, number: number, label: string, slots: number) => {
    if (slots === 0) {
      void onRemove(id, false);
      return;
    }
    modal.confirm({
      title: t('layout.pages.removeTitle', { number, name: label }),
      content: t('layout.pages.removeBody', { slots }),
      okText: t('layout.pages.removeOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => onRemove(id, true),
    });
  };
  return (
    <nav aria-label={t('layout.pages.title')} className="layout-pages">
      <Typography.Title level={5}>{t('layout.pages.title')}</Typography.Title>
      <ol className="layout-pages__list">
        {board.pages.map((page, index) => {
          const totals = fit.pages.get(page.id);
          return (
            <li key={page.id} className={page.id === pageId ? 'layout-pages__item layout-pages__item--current' : 'layout-pages__item'}>
              <Button type={page.id === pageId ? 'primary' : 'text'} size="small" onClick={() => onSelect(page.id)} aria-current={page.id === pageId ? 'page' : undefined}>
                {t('layout.pages.item', { number: page.number, name: page.name })}
              </Button>
              <div className="layout-pages__meta">
                <Tag color={page.status === 'signed' ? 'gold' : undefined}>{t(`layout.pageStatuses.${page.status}`)}</Tag>
                {totals && totals.over > 0 && <Typography.Text type="danger">{t('layout.pages.over', { count: totals.over })}</Typography.Text>}
                {page.changedSinceSign && <Typography.Text type="danger">{t('layout.pages.changed')}</Typography.Text>}
              </div>
              {editable && (
                <Space size={2}>
                  <Button size="small" disabled={index === 0} onClick={() => onMove(page.id, page.number - 1)} aria-label={t('layout.pages.up', { number: page.number })}>
                    ↑
                  </Button>
                  <Button size="small" disabled={index === board.pages.length - 1} onClick={() => onMove(page.id, page.number + 1)} aria-label={t('layout.pages.down', { number: page.number })}>
                    ↓
                  </Button>
                  <Button size="small" danger onClick={() => remove(page.id, page.number, page.name, page.slots.length)} aria-label={t('layout.pages.remove', { number: page.number })}>
                    ×
                  </Button>
                </Space>
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <Space direction="vertical" size={4} className="layout-pages__add">
          <Input size="small" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('layout.pages.newName')} aria-label={t('layout.pages.newName')} maxLength={20} />
          <Select
            size="small"
            value={templateId}
            onChange={setTemplateId}
            aria-label={t('layout.pages.template')}
            options={board.templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          />
          <Button
            size="small"
            disabled={!templateId}
            onClick={() => {
              if (templateId) onAdd(name.trim(), templateId);
              setName('');
            }}
          >
            {t('layout.pages.add')}
          </Button>
        </Space>
      )}
    </nav>
  );
}
