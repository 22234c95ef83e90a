import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MastheadView } from '../../../shared/api/methods/paper';
import type { MastheadFields } from '../../../shared/paper/masthead';
import { MAX_MASTHEAD_IMAGE_BYTES } from '../../../shared/paper/masthead';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { BusyButton } from '../components/BusyButton';
import { useFormSubmit } from '../components/useFormSubmit';
import { bytesToBase64 } from '../import/readImportFile';
import { useSession } from '../stores/sessionStore';

const FIELDS = ['nameText', 'supervisor', 'sponsor', 'cnNumber', 'postalCode', 'website'] as const;

/** 报头: what the front page prints under and beside the paper's name; the name as text or as an image. */
export function MastheadTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useSession((s) => s.can('settings.manage'));
  const [view, setView] = useState<MastheadView | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<MastheadFields>();
  const file = useRef<HTMLInputElement>(null);
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);
  const saving = useFormSubmit(
    form,
    async (values) => {
      setView(await api.call('paper.updateMasthead', values));
      void message.success(t('paper.masthead.saved'));
    },
    t('layout.errors.generic'),
  );

  useEffect(() => {
    if (can) api.call('paper.masthead', {}).then(setView).catch(fail);
  }, [can, fail]);

  if (!can) return <Alert type="info" showIcon message={t('workflow.admin.noSettings')} />;
  if (!view) return null;

  const upload = async (picked: File) => {
    if (picked.size > MAX_MASTHEAD_IMAGE_BYTES) return fail(new Error(t('paper.masthead.tooLarge')));
    setBusy(true);
    try {
      const bytes = new Uint8Array(await picked.arrayBuffer());
      setView(await api.call('paper.setMastheadImage', { fileName: picked.name, dataBase64: bytesToBase64(bytes) }));
      void message.success(t('paper.masthead.imageSaved'));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ maxWidth: 560, width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('paper.masthead.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={view} aria-label={t('paper.masthead.title')} {...saving.formProps}>
        {saving.error && <Alert type="error" showIcon role="alert" message={saving.error} style={{ marginBottom: 12 }} />}
        {FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`paper.masthead.${field}`)} extra={t(`paper.masthead.${field}Help`, { defaultValue: '' }) || undefined}>
            <Input placeholder={field === 'nameText' ? view.paperName : undefined} />
          </Form.Item>
        ))}
        <Form.Item name="lunarDate" label={t('paper.masthead.lunarDate')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <BusyButton type="primary" htmlType="submit" busy={saving.busy} disabled={busy}>
          {t('paper.masthead.save')}
        </BusyButton>
      </Form>
      <section aria-label={t('paper.masthead.image')}>
        <Typography.Title level={5}>{t('paper.masthead.image')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('paper.masthead.imageHelp')}</Typography.Paragraph>
        {view.imageDataUrl && (
          <img src={view.imageDataUrl} alt={t('paper.masthead.imageAlt')} style={{ maxWidth: '100%', maxHeight: 120, display: 'block', marginBottom: 8, border: '1px solid #eee' }} />
        )}
        <Space>
          <Button onClick={() => file.current?.click()} disabled={busy}>
            {view.nameImage ? t('paper.masthead.replaceImage') : t('paper.masthead.uploadImage')}
          </Button>
          {view.nameImage && (
            <Button danger disabled={busy} onClick={() => api.call('paper.removeMastheadImage', {}).then(setView).catch(fail)}>
              {t('paper.masthead.removeImage')}
            </Button>
          )}
        </Space>
        <input
          ref={file}
          type="file"
          accept="image/png,image/jpeg"
          aria-label={t('paper.masthead.uploadImage')}
          hidden
          onChange={(e) => {
            const picked = e.target.files?.[0];
            e.target.value = '';
            if (picked) void upload(picked);
          }}
        />
      </section>
    </Space>
  );
}
