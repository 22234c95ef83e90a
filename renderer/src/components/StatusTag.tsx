import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../shared/domain/article';

const COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  review1: 'geekblue',
  review2: 'purple',
  review3: 'magenta',
  approved: 'green',
  placed: 'cyan',
  page_signed: 'gold',
  printed: 'lime',
  spiked: 'red',
};

export function StatusTag({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`status.${status}`)}</Tag>;
}
