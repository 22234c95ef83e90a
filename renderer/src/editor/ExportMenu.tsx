import { useState } from 'react';
import { App, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/methods/interchange';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { HTML_FILE, ICML_FILE, saveFile, XML_FILE, type FileKind } from '../api/saveFile';
import { BusyButton } from '../components/BusyButton';

const KINDS: Record<ExportFormat, FileKind> = { newsml: XML_FILE, nitf: XML_FILE, icml: ICML_FILE, html: HTML_FILE, wechat: HTML_FILE };

/** The story's 导出 menu: the wire (NewsML-G2, NITF), InDesign (ICML), the website and WeChat. Pending edits are saved first. */
export function ExportMenu({ articleId, flush }: { articleId: string; flush: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await flush();
      const file = await api.call('export.story', { articleId, format });
      await saveFile(file.fileName, new TextEncoder().encode(file.text), KINDS[format]);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{ items: EXPORT_FORMATS.map((format) => ({ key: format, label: t(`editor.export.${format}`) })), onClick: ({ key }) => void run(key as ExportFormat) }}
    >
      <BusyButton size="small" busy={busy}>
        {t('editor.export.label')}
      </BusyButton>
    </Dropdown>
  );
}
