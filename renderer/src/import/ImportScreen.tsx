import { useTranslation } from 'react-i18next';
import { NotBuiltScreen } from '../screens/NotBuiltScreen';

export function ImportScreen() {
  const { t } = useTranslation();
  return <NotBuiltScreen title={t('nav.ImportScreen')} />;
}
