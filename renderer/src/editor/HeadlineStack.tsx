import { useRef } from 'react';
import { Input } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useTranslation } from 'react-i18next';
import { countChars } from '../../../shared/text/count';
import type { FieldUpdater, HeadlineKey } from './articleForm';

const PARTS: { key: HeadlineKey; className: string }[] = [
  { key: 'kicker', className: 'headline-kicker' },
  { key: 'headline', className: 'headline-main' },
  { key: 'subheadline', className: 'headline-sub' },
];

export interface HeadlineStackProps {
  values: Record<HeadlineKey, string>;
  update: FieldUpdater;
  disabled: boolean;
  /** Enter in the last part moves on to the body. */
  onDone(): void;
}

/**
 * 引题 / 主题 / 副题 set as the stack will print: serif, the main line largest. A headline has no
 * paragraph breaks, so Enter moves to the next part and pasted line breaks become spaces.
 */
export function HeadlineStack({ values, update, disabled, onDone }: HeadlineStackProps) {
  const { t } = useTranslation();
  const refs = useRef<(TextAreaRef | null)[]>([]);

  return (
    <div className="headline-stack">
      {PARTS.map(({ key, className }, index) => {
        const id = `field-${key}`;
        const value = values[key];
        const missing = key === 'headline' && value.trim() === '';
        return (
          <div key={key} className={`headline-row ${className}`}>
            <label htmlFor={id} className="headline-label">
              {t(`fields.${key}`)}
            </label>
            <Input.TextArea
              id={id}
              ref={(el) => {
                refs.current[index] = el;
              }}
              variant="borderless"
              autoSize={{ minRows: 1 }}
              maxLength={200}
              disabled={disabled}
              value={value}
              placeholder={t(`editor.placeholder.${key}`)}
              status={missing ? 'error' : undefined}
              aria-invalid={missing}
              aria-describedby={missing ? `${id}-error` : undefined}
              onChange={(e) => update(key, e.target.value.replace(/[\r\n]+/g, ' '))}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
                e.preventDefault();
                const next = refs.current[index + 1];
                if (next) next.focus();
                else onDone();
              }}
            />
            <span className="headline-count" aria-hidden>
              {value.trim() === '' ? '' : t('editor.headlineChars', { count: countChars(value) })}
            </span>
            {missing && (
              <span id={`${id}-error`} className="headline-error" role="alert">
                {t('fields.headlineRequired')}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
