import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LockInfo } from '../../../shared/collaboration/types';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useSession } from '../stores/sessionStore';

/**
 * Who holds which part of the story. Anyone may ask the holder to let go;
 * lock.force may break the lock (the holder's text is kept as revisions); a
 * lock taken before the story was handed on may be taken over by the one it
 * now waits for (the service decides, and says why not).
 * Takes `locks` from useArticleLocks, so the editor and the badge agree.
 */
export function LockBadge({ articleId, locks, onTakeOver }: { articleId: string; locks: LockInfo[]; onTakeOver?(part: LockInfo['part']): Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession((s) => s.session?.user.id);
  const canForce = useSession((s) => s.can('lock.force'));

  const act = (run: Promise<unknown>, done: string) =>
    void run.then(() => message.success(done)).catch((e: unknown) => message.error(errorText(e)));

  return (
    <Space size={4} role="status" aria-label={t('workflow.locks.label')}>
      {locks.length === 0 && <Tag>{t('workflow.locks.free')}</Tag>}
      {locks.map((lock) => {
        const part = t(`workflow.locks.${lock.part}`);
        const mine = lock.userId === me;
        return (
          <Space key={lock.part} size={2}>
            <Tag color={mine ? 'green' : 'orange'}>{mine ? t('workflow.locks.mine', { part }) : t('workflow.locks.heldBy', { part, name: lock.userName })}</Tag>
            {!mine && (
              <Button size="small" onClick={() => act(api.call('locks.request', { articleId, part: lock.part }), t('workflow.locks.requested', { name: lock.userName }))}>
                {t('workflow.locks.request')}
              </Button>
            )}
            {!mine && lock.handedOver && onTakeOver && (
              <Popconfirm
                title={t('workflow.locks.takeOverConfirm', { name: lock.userName, part })}
                okText={t('workflow.locks.takeOver')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(onTakeOver(lock.part), t('workflow.locks.tookOver', { part }))}
              >
                <Button size="small" type="primary">
                  {t('workflow.locks.takeOver')}
                </Button>
              </Popconfirm>
            )}
            {!mine && canForce && (
              <Popconfirm
                title={t('workflow.locks.forceConfirm', { name: lock.userName, part })}
                okText={t('workflow.locks.force')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => act(api.call('locks.forceRelease', { articleId, part: lock.part }), t('workflow.locks.forced'))}
              >
                <Button size="small" danger>
                  {t('workflow.locks.force')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      })}
    </Space>
  );
}
