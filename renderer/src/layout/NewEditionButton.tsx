import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { validValues } from '../components/validValues';
import { errorText } from '../revisions/errorText';
import type { EditionSummary } from '../../../shared/layout/board';

/** 新建一期: a date, the running issue number (总第X期), and optionally the current edition's page plan copied. */
export function NewEditionButton({ current, onCreated }: { current: EditionSummary; onCreated(date: string): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ date: string; issueNumber: number; copy: boolean }>();
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      const created = await api.call('layout.createEdition', { date: values.date, issueNumber: values.issueNumber, ...(values.copy ? { copyFrom: current.date } : {}) });
      setOpen(false);
      onCreated(created.date);
    } catch (error) {
      message.error(errorText(error, t('layout.errors.generic')));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('layout.newEdition.button')}</Button>
      <Modal open={open} title={t('layout.newEdition.title')} okText={t('layout.newEdition.ok')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ issueNumber: current.issueNumber + 1, copy: true }}>
          <Form.Item name="date" label={t('layout.newEdition.date')} rules={[{ required: true, message: t('layout.newEdition.dateRequired') }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="issueNumber" label={t('layout.newEdition.issue')} rules={[{ required: true, message: t('layout.newEdition.issueRequired') }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="copy" valuePropName="checked">
            <Checkbox>{t('layout.newEdition.copy', { date: current.date })}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
