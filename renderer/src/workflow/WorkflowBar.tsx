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
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sheetOpen, setSheetOpen] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .call('workflow.actions', { articleId: article.id })
      .then((r) => {
        if (!live) return;
        setOptions(r.options);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setOptions([]);
        setError((e as Error).message);
      });
    return () => {
      live = false;
    };
  }, [article.id, article.version, article.status, attempt]);

  const refused = options.filter((o) => !o.allowed && o.refusal);
  return (
    <Space wrap role="group" aria-label={t('workflow.bar')}>
      <TransitionButtons article={article} options={options} onDone={onChanged} prepare={prepare} />
      {error && (
        <Typography.Text type="danger" role="alert">
          {t('workflow.actionsFailed', { message: error })}{' '}
          <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </Button>
        </Typography.Text>
      )}
      {!error && options.every((o) => !o.allowed) && (
        <Tooltip title={refused.map((o) => o.refusal).join('\n') || undefined}>
          <Typography.Text type="secondary">{t('workflow.noActions')}</Typography.Text>
        </Tooltip>
      )}
      <Button onClick={() => setSheetOpen(true)}>{t('workflow.sheet.title')}</Button>
      <ReviewSheetModal articleId={sheetOpen ? article.id : null} onClose={() => setSheetOpen(false)} />
    </Space>
  );
}
