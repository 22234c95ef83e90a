import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** An honest placeholder for screens later work adds; it says so instead of pretending. */
export function NotBuiltScreen({ title }: { title: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={title} subTitle={t('notBuilt.message')} />;
}
