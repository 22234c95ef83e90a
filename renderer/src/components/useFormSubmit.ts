import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FormInstance, FormProps } from 'antd';
import { errorText } from '../api/errorText';

/**
 * The form's values once a validation that is current says they are valid, or null (the fields
 * then show what is wrong, and the first of them has the focus). antd rejects a validation as out
 * of date, with no field error, when a field changed while it ran: the newer one is awaited instead.
 */
async function currentValues<T>(form: FormInstance<T>): Promise<T | null> {
  for (;;) {
    try {
      return await form.validateFields();
    } catch (error) {
      const { outOfDate, errorFields } = error as { outOfDate?: boolean; errorFields?: { name: (string | number)[] }[] };
      if (outOfDate) continue;
      const first = errorFields?.[0];
      if (first) form.scrollToField(first.name, { focus: true, block: 'nearest' });
      return null;
    }
  }
}

export interface FormSubmit {
  /** Validates and acts; a click while this runs is ignored (the button already says it is busy). */
  submit(): Promise<void>;
  busy: boolean;
  /** The main side's refusal (or the fallback sentence), shown until the next try. */
  error: string | null;
  clearError(): void;
  /** For the <Form>: Enter in a field goes the same way as the button. */
  formProps: Pick<FormProps, 'onFinish' | 'onFinishFailed'>;
}

/**
 * How every form in the renderer acts on a click or Enter. From that moment the button is busy
 * (spinner, aria-busy) until the work ends; a field that fails shows its message and takes the
 * focus; a refusal stays as a sentence in the form rather than a toast that is gone before anyone
 * reads it. Whatever the click meets, it says so.
 */
export function useFormSubmit<T>(form: FormInstance<T>, action: (values: T) => Promise<void>, fallback: string): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const act = useRef(action);
  act.current = action;

  const submit = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    // On screen before anything is awaited: a slow machine shows at once that the click was taken.
    flushSync(() => {
      setBusy(true);
      setError(null);
    });
    try {
      const values = await currentValues(form);
      if (values !== null) await act.current(values);
    } catch (e) {
      setError(errorText(e, fallback));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [form, fallback]);

  const clearError = useCallback(() => setError(null), []);

  return {
    submit,
    busy,
    error,
    clearError,
    formProps: {
      onFinish: () => void submit(),
      // antd's own check for Enter can be out of date too; then this one decides.
      onFinishFailed: ({ outOfDate }) => outOfDate && void submit(),
    },
  };
}
