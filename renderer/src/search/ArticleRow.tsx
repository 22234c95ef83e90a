import type { CSSProperties } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../shared/domain/article';
import type { ArticleSearchHit } from '../../../shared/api/methods/search';
import { StatusTag } from '../components/StatusTag';
import { Snippet } from './Snippet';
import { BusyButton } from '../components/BusyButton';
import { dateTime } from '../../../shared/text/dates';

export type ListedArticle = ArticleSummary | ArticleSearchHit;

export type RowAction = 'delete' | 'restore';

/** The action column rides after the list's seven columns as an implicit grid column. */
export const ACTION_COLUMN: CSSProperties = { gridAutoFlow: 'column', gridAutoColumns: '72px' };

interface ArticleRowProps {
  row: ListedArticle;
  index: number;
  style: CSSProperties;
  action: RowAction | null;
  busy: boolean;
  onOpen(row: ListedArticle): void;
  onAction(row: ListedArticle, action: RowAction): void;
}

export function ArticleRow({ row, index, style, action, busy, onOpen, onAction }: ArticleRowProps) {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      className="article-list-row"
      style={{ ...ACTION_COLUMN, ...style }}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(row);
        }
      }}
    >
      <span role="cell">
        <StatusTag status={row.status} />
      </span>
      <span role="cell" className="cell-ellipsis" title={row.headline}>
        {row.kicker && <Tag>{row.kicker}</Tag>}
        {row.headline}
        {'snippet' in row && <Snippet snippet={row.snippet} field={row.field} />}
      </span>
      <span role="cell" className="cell-ellipsis">
        {row.desk}
      </span>
      <span role="cell" className="cell-ellipsis">
        {row.bylineNames.join('、') || row.createdByName}
      </span>
      <span role="cell">{t('articles.chars', { count: row.charCount })}</span>
      <span role="cell">{row.page ? t('articles.pageN', { page: row.page }) : '—'}</span>
      <span role="cell" className="cell-ellipsis">
        {dateTime(row.updatedAt)}
      </span>
      <span role="cell">
        {action && (
          <BusyButton
            size="small"
            danger={action === 'delete'}
            busy={busy}
            aria-label={`${t(`search.${action}`)} ${row.headline}`}
            onClick={(e) => {
              e.stopPropagation();
              onAction(row, action);
            }}
            onKeyDown={(e) => e.stopPropagation()}
          >
            {t(`search.${action}`)}
          </BusyButton>
        )}
      </span>
    </div>
  );
}
