import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/sessionStore';
import { useSaveState } from '../stores/saveStore';
import { clockTime } from '../../../shared/text/dates';

export function StatusBar() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const system = useSession((s) => s.system);
  const { status, savedAt, message } = useSaveState();
  const roles = session?.user.roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator')) ?? '';

  let saveText = '';
  if (status === 'saving') saveText = t('save.saving');
  else if (status === 'dirty') saveText = t('save.dirty');
  else if (status === 'saved' && savedAt) saveText = t('save.savedAt', { time: clockTime(savedAt) });
  else if (status === 'error') saveText = t('save.failed', { message: message ?? '' });
  else if (status === 'conflict') saveText = t('save.conflict');

  return (
    <footer className="status-bar" role="contentinfo" aria-label={t('statusBar.label')}>
      <span>{t('statusBar.userLine', { name: session?.user.displayName ?? '', username: session?.user.username ?? '' })}</span>
      <span>{t('statusBar.roleLine', { roles })}</span>
      {system?.store === 'postgres' ? (
        <span>{t('statusBar.serverLine')}</span>
      ) : (
        <span className="data-dir" title={system?.dataDir}>
          {t('statusBar.dataDirLine', { dir: system?.dataDir ?? '' })}
        </span>
      )}
      <span role="status" aria-live="polite" style={{ marginLeft: 'auto', color: status === 'error' || status === 'conflict' ? '#dc2626' : undefined }}>
        {saveText}
      </span>
    </footer>
  );
}
