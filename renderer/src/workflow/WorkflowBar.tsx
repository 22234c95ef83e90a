import { useEffect, useRef, useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import type { ActionOption } from '../../../shared/workflow/types';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useSession } from '../stores/sessionStore';
import { TransitionButtons } from './TransitionButtons';
import { ReviewSheetModal } from './ReviewSheet';

/**
 * The workflow steps the signed-in user may take on this story now, as the
 * service decides them (role, state, separation of duties), and its 审稿单.
 * Showing a version of the story is what the service records as having opened
 * it (an approval needs that), so the steps are asked for after it is recorded.
 */
export function WorkflowBar({ article, onChanged, prepare }: { article: Article; onChanged(article: Article): void; prepare?(): Promise<number> }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.session?.user.id);
  const shown = useRef<string | null>(null);
  const [options, setOptions] = useState<ActionOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sheetOpen, setSheetOpen] = useState(false);

  useEffect(() => {
    let live = true;
    // A version this user saved is recorded as read by the save itself.
    const first = shown.current !== article.id;
    shown.current = article.id;
    const opened = first || article.updatedBy !== me ? api.call('workflow.opened', { articleId: article.id, version: article.version }).catch(() => undefined) : Promise.resolve();
    void opened
      .then(() => api.call('workflow.actions', { articleId: article.id }))
      .then((r) => {
        if (!live) return;
        setOptions(r.options);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setOptions([]);
        setError(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [article.id, article.version, article.status, article.updatedBy, me, attempt]);

  const refused = options.filter((o) => !o.allowed && o.refusal);
  return (
    <Space wrap role="group" aria-label={t('workflow.bar')}>
      <TransitionButtons article={article} options={options.filter((o) => o.allowed || o.readFirst)} onDone={onChanged} prepare={prepare} />
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
