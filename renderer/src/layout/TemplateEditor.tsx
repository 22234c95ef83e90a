import { useState } from 'react';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { NumberInput } from '../components/NumberInput';
import type { PageTemplate } from '../../../shared/layout/geometry';
import type { TemplateRow } from '../../../shared/layout/board';
import { FACE_CSS, FACES, TYPE_ELEMENTS, typographyOf } from '../../../shared/layout/typography';
import { TYPE_SIZES } from '../../../shared/layout/typeSizes';

const NUMBER_FIELDS: readonly (keyof PageTemplate)[] = [
  'pageWidthMm',
  'pageHeightMm',
  'typeAreaWidthMm',
  'typeAreaHeightMm',
  'columns',
  'charsPerColumn',
  'gutterChars',
  'bodyPt',
  'leadingRatio',
  'linesPerColumn',
  'mastheadLines',
  'folioLines',
  'indentChars',
];

/** 版式模板 for the administrator: every number of §1 per paper; the main side checks that the grid fits the type area. */
export function TemplateEditor({ templates, onSaved }: { templates: readonly TemplateRow[]; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState<string | null>(templates[0]?.id ?? null);
  const [form] = Form.useForm<PageTemplate>();
  const row = templates.find((x) => x.id === id) ?? null;
  const save = async (values: PageTemplate) => {
    // Opened only with a template to edit (the button is off without one).
    if (!row) return;
    await api.call('layout.saveTemplate', { templateId: row.id, baseVersion: row.version, spec: { ...row.spec, ...values, id: undefined } });
    message.success(t('layout.templates.saved', { name: values.name }));
    setOpen(false);
    onSaved();
  };
  return (
    <>
      <Button disabled={templates.length === 0} onClick={() => setOpen(true)}>
        {t('layout.templates.button')}
      </Button>
      <FormDialog<PageTemplate>
        open={open}
        title={t('layout.templates.title')}
        okText={t('layout.templates.save')}
        form={form}
        onSubmit={save}
        onCancel={() => setOpen(false)}
        failure={t('layout.errors.generic')}
        width={640}
        formKey={row?.id}
        formProps={{ initialValues: row ? { ...row.spec, typography: typographyOf(row.spec) } : undefined }}
        before={<Select aria-label={t('layout.templates.pick')} value={id} onChange={setId} options={templates.map((x) => ({ value: x.id, label: x.name }))} style={{ width: 240, marginBottom: 12 }} />}
      >
        <Form.Item name="name" label={t('layout.templates.fields.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          {NUMBER_FIELDS.map((field) => (
            <Form.Item key={field} name={field} label={t(`layout.templates.fields.${field}`)} rules={[{ required: true }]}>
              <NumberInput step={field === 'leadingRatio' ? 0.05 : 1} />
            </Form.Item>
          ))}
          <Form.Item name="jumpStyle" label={t('layout.templates.fields.jumpStyle')}>
            <Select
              style={{ width: 180 }}
              options={[
                { value: 'arabic', label: '（下转4版）' },
                { value: 'chinese', label: '（下转第四版）' },
                { value: 'lettered', label: '（下转A2版）' },
              ]}
            />
          </Form.Item>
        </Space>
        <fieldset className="template-typography">
          <legend>{t('layout.templates.typography')}</legend>
          {TYPE_ELEMENTS.map((element) => (
            <Space key={element} align="baseline">
              <Form.Item name={['typography', element, 'face']} label={t('layout.templates.faceOf', { element: t(`layout.templates.elements.${element}`) })}>
                <Select style={{ width: 120 }} options={FACES.map((f) => ({ value: f, label: t(`layout.templates.faces.${f}`), style: FACE_CSS[f] }))} />
              </Form.Item>
              {element !== 'body' && (
                <Form.Item name={['typography', element, 'size']} label={t('layout.templates.sizeOf', { element: t(`layout.templates.elements.${element}`) })}>
                  <Select style={{ width: 120 }} options={TYPE_SIZES.map((size) => ({ value: size.name, label: `${size.name}（${size.pt} 磅）` }))} />
                </Form.Item>
              )}
            </Space>
          ))}
        </fieldset>
      </FormDialog>
    </>
  );
}
