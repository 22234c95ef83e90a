import { Button, Card, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditionBoard } from '../../../shared/layout/board';
import type { BoardFit } from '../../../shared/layout/boardFit';
import { gridMetrics, rectStyle } from './gridMetrics';

const THUMB_ZOOM = 0.25;

/** Share of the type area covered by slots: what the overview calls fill. */
function fillShare(board: EditionBoard, pageId: string): number {
  const page = board.pages.find((p) => p.id === pageId)!;
  const template = board.templates.find((t) => t.id === page.templateId)?.spec;
  if (!template) return 0;
  const area = page.slots.reduce((n, s) => n + s.columns * s.lines, 0);
  return Math.round((area / (template.columns * template.linesPerColumn)) * 100);
}

/** Every page as a thumbnail with its status and fill, and the printable page plan (版面计划). */
export function EditionOverview({ board, fit, onOpen }: { board: EditionBoard; fit: BoardFit; onOpen(pageId: string): void }) {
  const { t } = useTranslation();
  const stories = new Map(board.stories.map((s) => [s.id, s]));
  return (
    <div className="layout-overview">
      <div className="layout-overview__thumbs">
        {board.pages.map((page) => {
          const template = board.templates.find((x) => x.id === page.templateId)?.spec;
          if (!template) return null;
          const m = gridMetrics(template, THUMB_ZOOM);
          const totals = fit.pages.get(page.id);
          return (
            <Card
              key={page.id}
              size="small"
              title={t('layout.pages.item', { number: page.number, name: page.name })}
              extra={<Tag color={page.status === 'signed' ? 'gold' : undefined}>{t(`layout.pageStatuses.${page.status}`)}</Tag>}
              className="layout-overview__card"
            >
              <button type="button" className="layout-thumb" style={{ width: m.widthPx, height: m.heightPx }} onClick={() => onOpen(page.id)} aria-label={t('layout.overview.open', { number: page.number, name: page.name })}>
                {page.slots.map((s) => (
                  <span key={s.id} className={`layout-thumb__slot layout-fit--${fit.slots.get(s.id)?.fit.status ?? 'none'}`} style={rectStyle(s, m)} />
                ))}
              </button>
              <Progress percent={fillShare(board, page.id)} size="small" aria-label={t('layout.overview.fill')} />
              {totals && <Typography.Text type={totals.over > 0 ? 'danger' : 'secondary'}>{t('layout.totals.page', { ...totals })}</Typography.Text>}
              {page.changedSinceSign && <Typography.Text type="danger">{t('layout.pages.changed')}</Typography.Text>}
            </Card>
          );
        })}
      </div>
      <div className="layout-plan">
        <Typography.Title level={4}>
          {t('layout.overview.plan', { date: board.edition.date, issue: board.edition.issueNumber })}
        </Typography.Title>
        <Button className="layout-noprint" onClick={() => window.print()}>
          {t('layout.overview.print')}
        </Button>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={board.pages}
          columns={[
            { title: t('layout.overview.number'), dataIndex: 'number' },
            { title: t('layout.overview.name'), dataIndex: 'name' },
            { title: t('layout.overview.status'), render: (_, p) => t(`layout.pageStatuses.${p.status}`) },
            {
              title: t('layout.overview.stories'),
              render: (_, p) =>
                p.slots
                  .flatMap((s) => (s.articleId ? [`${stories.get(s.articleId)?.headline ?? ''}${s.continuesFrom ? t('layout.overview.continued') : ''}`] : []))
                  .join('；'),
            },
          ]}
        />
      </div>
    </div>
  );
}
