import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { GENRES, type Genre } from '../../../shared/domain/article';
import { FormDialog } from './FormDialog';

interface Values {
  headline: string;
  slug?: string;
  genre: Genre;
}

export function NewArticleDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const create = async (values: Values) => {
    const article = await api.call('articles.create', { headline: values.headline, slug: values.slug ?? '', genre: values.genre });
    form.resetFields();
    onClose();
    onCreated(article.id);
  };

  return (
    <FormDialog<Values>
      open={open}
      title={t('articles.newTitle')}
      okText={t('articles.create')}
      form={form}
      onSubmit={create}
      onCancel={onClose}
      failure={t('articles.createFailed')}
      formProps={{ initialValues: { genre: '消息' }, requiredMark: false }}
    >
      <Form.Item name="headline" label={t('fields.headline')} rules={[{ required: true, whitespace: true, message: t('fields.headlineRequired') }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="slug" label={t('fields.slug')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="genre" label={t('fields.genre')}>
        <Select options={GENRES.map((g) => ({ value: g, label: t(`genres.${g}`) }))} />
      </Form.Item>
    </FormDialog>
  );
}
