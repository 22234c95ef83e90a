import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LayoutPage } from '../../../shared/layout/board';
import type { PageCredits } from '../../../shared/paper/masthead';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';

const FIELDS = ['editor', 'designer', 'proofreader'] as const;

/** The people a page's folio (or the front page's masthead notes) names: 责任编辑, 版式设计, 校对. */
export function PageCreditsButton({ page, onSaved }: { page: LayoutPage; onSaved(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PageCredits>();
  const save = async (credits: PageCredits) => {
    await api.call('layout.updatePage', { pageId: page.id, credits });
    setOpen(false);
    onSaved();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('layout.credits.button')}
      </Button>
      <FormDialog<PageCredits>
        open={open}
        title={t('layout.credits.title', { number: page.number, name: page.name })}
        okText={t('layout.credits.save')}
        form={form}
        onSubmit={save}
        onCancel={() => setOpen(false)}
        failure={t('layout.errors.generic')}
        formProps={{ initialValues: page.credits }}
      >
        {FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`layout.credits.${field}`)} rules={[{ max: 20 }]}>
            <Input />
          </Form.Item>
        ))}
      </FormDialog>
    </>
  );
}
