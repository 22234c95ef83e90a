import type { FormInstance } from 'antd';

/**
 * A form's values once valid, or null (the form then shows what is missing). A validation started
 * while this one ran (a field changed in the same moment) makes antd reject it as out of date, with
 * no field error: that would drop a click without a word, so the newer validation is awaited.
 */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await form.validateFields();
    } catch (error) {
      if (!(error as { outOfDate?: boolean }).outOfDate) return null;
    }
  }
  return null;
}
