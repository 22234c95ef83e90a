import { useEffect, useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import type { ActionOption } from '../../../shared/workflow/types';
import { api } from '../api/client';
import { TransitionButtons } from './TransitionButtons';
import { ReviewSheetModal } from './ReviewSheet';

/**
 * The workflow steps the signed-in user may take on this story now, as the
 * service decides them (role, state, separation of duties), and its 审稿单.
 */
export function WorkflowBar({ article, onChanged, prepare }: { article: Article; onChanged(article: Article): void; prepare?(): Promise<number> }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ActionOption[]>([]);
  const [sheetOpen, setSheetOpen] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .call('workflow.actions', { articleId: article.id })
      .then((r) => live && setOptions(r.options))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [article.id, article.version, article.status]);

  const refused = options.filter((o) => !o.allowed && o.refusal);
  return (
    <Space wrap role="group" aria-label={t('workflow.bar')}>
      <TransitionButtons article={article} options={options} onDone={onChanged} prepare={prepare} />
      {options.every((o) => !o.allowed) && (
        <Tooltip title={refused.map((o) => o.refusal).join('\n') || undefined}>
          <Typography.Text type="secondary">{t('workflow.noActions')}</Typography.Text>
        </Tooltip>
      )}
      <Button onClick={() => setSheetOpen(true)}>{t('workflow.sheet.title')}</Button>
      <ReviewSheetModal articleId={sheetOpen ? article.id : null} onClose={() => setSheetOpen(false)} />
    </Space>
  );
}
