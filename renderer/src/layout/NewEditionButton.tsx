import { useState } from 'react';
import { Button, Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { DateInput } from '../components/DateInput';
import { FormDialog } from '../components/FormDialog';
import { NumberInput } from '../components/NumberInput';
import type { EditionSummary } from '../../../shared/layout/board';

interface Values {
  date: string;
  issueNumber: number;
  copy: boolean;
}

/** 新建一期: a date, the running issue number (总第X期), and optionally the current edition's page plan copied. */
export function NewEditionButton({ current, onCreated }: { current: EditionSummary; onCreated(date: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = async (values: Values) => {
    const created = await api.call('layout.createEdition', { date: values.date, issueNumber: values.issueNumber, ...(values.copy ? { copyFrom: current.date } : {}) });
    setOpen(false);
    onCreated(created.date);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('layout.newEdition.button')}</Button>
      <FormDialog<Values>
        open={open}
        title={t('layout.newEdition.title')}
        okText={t('layout.newEdition.ok')}
        form={form}
        onSubmit={create}
        onCancel={() => setOpen(false)}
        failure={t('layout.errors.generic')}
        formProps={{ initialValues: { issueNumber: current.issueNumber + 1, copy: true } }}
      >
        <Form.Item name="date" label={t('layout.newEdition.date')} rules={[{ required: true, message: t('layout.newEdition.dateRequired') }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="issueNumber" label={t('layout.newEdition.issue')} rules={[{ required: true, message: t('layout.newEdition.issueRequired') }]}>
          <NumberInput min={1} precision={0} />
        </Form.Item>
        <Form.Item name="copy" valuePropName="checked">
          <Checkbox>{t('layout.newEdition.copy', { date: current.date })}</Checkbox>
        </Form.Item>
      </FormDialog>
    </>
  );
}
