import type { FocusEvent, Ref } from 'react';
import { DatePicker, type GetRef } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { DATE_FORMAT } from '../../../shared/text/dates';

dayjs.extend(customParseFormat);

export interface DateInputProps {
  id?: string;
  value?: string | null;
  onChange?(next: string | null): void;
  disabled?: boolean;
  size?: 'small' | 'middle';
  style?: React.CSSProperties;
  'aria-label'?: string;
  /** Form.Item's, so a date that fails takes the focus. */
  ref?: Ref<GetRef<typeof DatePicker>>;
}

/** Typed dates are read in these shapes as well; the field shows the first. */
const TYPED_FORMATS = [DATE_FORMAT, 'YYYY年M月D日', 'YYYY/M/D', 'YYYYMMDD'];

/**
 * A date as the desk writes it, 2026-12-04, whatever the operating system's locale (the browser's
 * own date field follows it and shows 12/04/2026 on an English system). The value is the ISO date
 * string the API takes. A date typed and left by a click is committed in that blur: antd's picker
 * commits typed text a frame later, after the click that left it has already been handled.
 */
export function DateInput({ id, value, onChange, disabled, size, style, 'aria-label': ariaLabel, ref }: DateInputProps) {
  const current = value ? dayjs(value, DATE_FORMAT, true) : null;
  const commitTyped = (event: FocusEvent<HTMLElement>) => {
    const text = (event.target as HTMLInputElement).value?.trim() ?? '';
    const typed = text === '' ? null : dayjs(text, TYPED_FORMATS, true);
    if (typed && !typed.isValid()) return;
    const next = typed ? typed.format(DATE_FORMAT) : null;
    if (next !== (value ?? null)) onChange?.(next);
  };
  return (
    <DatePicker
      ref={ref}
      id={id}
      aria-label={ariaLabel}
      size={size}
      style={style}
      disabled={disabled}
      format={TYPED_FORMATS}
      value={current?.isValid() ? current : null}
      onChange={(next) => onChange?.(next ? next.format(DATE_FORMAT) : null)}
      onBlur={commitTyped}
    />
  );
}
