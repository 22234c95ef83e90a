import { useEffect, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { busyProps } from './BusyButton';
import { useFormSubmit } from './useFormSubmit';

export interface FormDialogProps<T> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  /** The work of the OK button; closing the dialog on success is the caller's. A throw stays in the dialog as a sentence. */
  onSubmit(values: T): Promise<void>;
  onCancel(): void;
  /** Said when a failure carries no sentence of the main side's. */
  failure: string;
  danger?: boolean;
  width?: number;
  /** A new key starts the form afresh (another record picked inside the dialog). */
  formKey?: string;
  formProps?: Omit<FormProps<T>, 'form' | 'onFinish' | 'onFinishFailed'>;
  /** Shown above the form's fields, outside the form. */
  before?: ReactNode;
  children: ReactNode;
}

/** A dialog that collects a form: every one in the renderer, so each acts on its OK button and Enter the same way (useFormSubmit). */
export function FormDialog<T>({ open, title, okText, form, onSubmit, onCancel, failure, danger, width, formKey, formProps, before, children }: FormDialogProps<T>) {
  const { t } = useTranslation();
  const { submit, busy, error, clearError, formProps: submitProps } = useFormSubmit(form, onSubmit, failure);

  // A refusal belongs to the attempt it answered: opening the dialog again starts clean.
  useEffect(() => {
    if (open) clearError();
  }, [open, clearError]);

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, ...busyProps(busy) }}
      onOk={() => void submit()}
      onCancel={onCancel}
      width={width}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {before}
      <Form<T> key={formKey} form={form} layout="vertical" {...formProps} {...submitProps}>
        {children}
      </Form>
    </Modal>
  );
}
