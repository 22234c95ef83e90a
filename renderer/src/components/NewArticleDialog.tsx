import { useState } from 'react';
import { Form, Input, Modal, Select, Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { GENRES, type Genre } from '../../../shared/domain/article';
import { busyProps } from './BusyButton';
import { validValues } from './validValues';

interface Values {
  headline: string;
  slug?: string;
  genre: Genre;
}

export function NewArticleDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const article = await api.call('articles.create', { headline: values.headline, slug: values.slug ?? '', genre: values.genre });
      form.resetFields();
      onClose();
      onCreated(article.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('articles.newTitle')}
      okText={t('articles.create')}
      cancelText={t('common.cancel')}
      onOk={() => !busy && void submit()}
      onCancel={onClose}
      okButtonProps={busyProps(busy)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ genre: '消息' }} requiredMark={false}>
        <Form.Item name="headline" label={t('fields.headline')} rules={[{ required: true, whitespace: true, message: t('fields.headlineRequired') }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="slug" label={t('fields.slug')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="genre" label={t('fields.genre')}>
          <Select options={GENRES.map((g) => ({ value: g, label: t(`genres.${g}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
