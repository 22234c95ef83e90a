import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from '../../locales/zh-CN.json';
import en from '../../locales/en.json';

const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'newsroom.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** antd's pickers take month and weekday names from dayjs's locale, antd's own words from ConfigProvider (App.tsx). */
function followLanguage(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

const startLanguage = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: startLanguage,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
followLanguage(startLanguage);

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  followLanguage(language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
