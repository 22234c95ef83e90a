import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/index';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('common.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(value) => setLanguage(value)}
    />
  );
}
