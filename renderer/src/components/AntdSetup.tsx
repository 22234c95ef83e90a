import type { ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import { RightOutlined } from '@ant-design/icons';
// The ES build: the CommonJS entry's default export reaches the bundle wrapped, and antd falls back to English.
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';

/** antd as the whole renderer uses it, in the interface language (the component tests render through it too). */
export function AntdSetup({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // rc-dialog names its close button "Close" whatever antd's locale says.
      modal={{ closable: { 'aria-label': t('common.close') } }}
      // The header is a button that already says expanded or not; antd's arrow adds the English word again.
      collapse={{ expandIcon: ({ isActive }) => <RightOutlined rotate={isActive ? 90 : undefined} aria-hidden /> }}
      button={{ autoInsertSpace: false }}
      // Real option elements: the virtual list's hidden accessible copy reads each option's value
      // (none, xinhua-staff, an id) after its label. Our option lists are short.
      virtual={false}
      // No animations: a dialog closed on success leaves in the same frame. With antd's zoom-out it
      // stayed on screen (and, aria-modal, was all a screen reader had) until the animation's frames
      // got through the work the success started, past 10 s on a busy machine (issue 17).
      // The interface's one type stack (styles.css --ui-font), for antd's components too: its own puts Latin fonts first.
      theme={{ token: { colorPrimary: '#b91c1c', borderRadius: 4, motion: false, fontFamily: 'var(--ui-font)' } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
