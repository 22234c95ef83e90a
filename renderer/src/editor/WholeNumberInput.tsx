import { NumberInput } from '../components/NumberInput';

export interface WholeNumberInputProps {
  id: string;
  max: number;
  step?: number;
  value: number | null | undefined;
  disabled: boolean;
  onChange(next: number | null): void;
  width: number | string;
}

/** A whole number from 1, or empty: the page number, the target length, the 电头's month and day. */
export function WholeNumberInput({ id, max, step, value, disabled, onChange, width }: WholeNumberInputProps) {
  return (
    <NumberInput
      id={id}
      size="small"
      min={1}
      max={max}
      precision={0}
      step={step}
      value={value ?? null}
      disabled={disabled}
      onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      style={{ width }}
    />
  );
}
