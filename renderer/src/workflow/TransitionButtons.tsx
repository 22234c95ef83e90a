import { useState } from 'react';
import { App, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import type { WorkflowAction } from '../../../shared/workflow/machine';
import type { ActionOption } from '../../../shared/workflow/types';
import { api } from '../api/client';
import { ApiError } from '../../../shared/api/errors';
import { errorText } from '../api/errorText';
import { BusyButton } from '../components/BusyButton';
import { FormDialog } from '../components/FormDialog';
import { PlaceDialog } from '../layout/PlaceDialog';

/** A step waits this long for the editor's pending edits to be saved, then gives the button back with a reason. */
const PREPARE_TIMEOUT_MS = 15_000;

function withinTime<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError('UNAVAILABLE', message)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const PRIMARY: WorkflowAction[] = ['submit', 'pass1', 'pass2', 'sign', 'place'];

interface Props {
  article: { id: string; version: number; headline: string; editionDate?: string | null; page?: number | null };
  options: ActionOption[];
  onDone(article: Article): void;
  /** Runs before a step (the editor saves pending edits) and gives the version the step is based on. */
  prepare?(): Promise<number>;
  size?: 'small' | 'middle';
}

/**
 * One button per step offered; 退回 and 撤稿 ask for the reason the author will read, and 上版
 * for the edition, page and slot the story goes into. A step offered but not open yet (an approval
 * of a story not opened, a 撤回 that is too late) shows as a disabled button with the reason beside it.
 */
export function TransitionButtons({ article, options, onDone, prepare, size = 'middle' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [asking, setAsking] = useState<ActionOption | null>(null);
  const [placing, setPlacing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  /** Takes the step; a refusal is thrown to the caller, which says it where the click was. */
  const run = async (action: WorkflowAction, reason?: string): Promise<void> => {
    setBusy(action);
    try {
      const baseVersion = prepare ? await withinTime(prepare(), PREPARE_TIMEOUT_MS, t('workflow.prepareTimeout')) : article.version;
      const saved = await api.call('workflow.transition', { articleId: article.id, action, baseVersion, ...(reason ? { reason } : {}) });
      void message.success(t('workflow.done', { action: t(`workflow.actions.${action}`), headline: saved.headline }));
      onDone(saved);
    } finally {
      setBusy(null);
    }
  };

  const step = (action: WorkflowAction) => run(action).catch((error: unknown) => void message.error(errorText(error, t('workflow.stepFailed'))));

  const giveReason = async ({ reason }: { reason: string }) => {
    if (!asking) return;
    await run(asking.action, reason.trim());
    setAsking(null);
  };

  return (
    <>
      <Space wrap size={4}>
        {options.map((o) => {
          const why = o.allowed ? null : o.readFirst ? t('workflow.queue.readFirst') : o.refusal;
          const whyId = `why-${article.id}-${o.action}`;
          return (
            <span key={o.action}>
              <BusyButton
                size={size}
                type={PRIMARY.includes(o.action) ? 'primary' : 'default'}
                danger={o.action === 'spike'}
                busy={busy === o.action}
                disabled={!o.allowed || (busy !== null && busy !== o.action)}
                aria-describedby={why ? whyId : undefined}
                onClick={() => (o.action === 'place' ? setPlacing(true) : o.needsReason ? (form.resetFields(), setAsking(o)) : void step(o.action))}
              >
                {t(`workflow.actions.${o.action}`)}
              </BusyButton>
              {why && (
                <Typography.Text id={whyId} type="secondary" className="transition-why">
                  {why}
                </Typography.Text>
              )}
            </span>
          );
        })}
      </Space>
      <FormDialog<{ reason: string }>
        open={asking !== null}
        title={asking ? t('workflow.reasonTitle', { action: t(`workflow.actions.${asking.action}`), headline: article.headline }) : ''}
        okText={asking ? t(`workflow.actions.${asking.action}`) : ''}
        danger={asking?.action === 'spike'}
        form={form}
        onSubmit={giveReason}
        onCancel={() => setAsking(null)}
        failure={t('workflow.stepFailed')}
      >
        <Form.Item name="reason" label={t('workflow.reason')} rules={[{ required: true, whitespace: true, message: t('workflow.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={t('workflow.reasonPlaceholder')} />
        </Form.Item>
      </FormDialog>
      <PlaceDialog open={placing} article={article} onClose={() => setPlacing(false)} onPlaced={onDone} />
    </>
  );
}
