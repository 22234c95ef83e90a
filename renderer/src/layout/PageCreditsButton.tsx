import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LayoutPage } from '../../../shared/layout/board';
import type { PageCredits } from '../../../shared/paper/masthead';
import { api } from '../api/client';
import { validValues } from '../components/validValues';

const FIELDS = ['editor', 'designer', 'proofreader'] as const;

/** The people a page's folio (or the front page's masthead notes) names: 责任编辑, 版式设计, 校对. */
export function PageCreditsButton({ page, onSaved }: { page: LayoutPage; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PageCredits>();
  const save = async () => {
    const credits = await validValues(form);
    if (!credits) return;
    try {
      await api.call('layout.updatePage', { pageId: page.id, credits });
      setOpen(false);
      onSaved();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('layout.credits.button')}
      </Button>
      <Modal open={open} title={t('layout.credits.title', { number: page.number, name: page.name })} okText={t('layout.credits.save')} cancelText={t('common.cancel')} onOk={() => void save()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={page.credits}>
          {FIELDS.map((field) => (
            <Form.Item key={field} name={field} label={t(`layout.credits.${field}`)} rules={[{ max: 20 }]}>
              <Input />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
