import { useCallback, useLayoutEffect, useRef, type Ref } from 'react';
import { InputNumber, type GetRef, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

type InputNumberRef = GetRef<typeof InputNumber>;

/**
 * antd's number field with its step buttons named in the interface language. rc-input-number
 * writes "Increase Value" / "Decrease Value" on them whatever antd's locale is, and takes no
 * label for them, so the names are set on the rendered buttons after each render (React leaves an
 * attribute alone while its own value for it does not change).
 */
export function NumberInput({ ref, ...props }: InputNumberProps<number> & { ref?: Ref<InputNumberRef> }) {
  const { t } = useTranslation();
  const own = useRef<InputNumberRef | null>(null);
  // Form.Item passes a ref too (it focuses the field that fails): both get the element.
  const refs = useCallback(
    (node: InputNumberRef | null) => {
      own.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  useLayoutEffect(() => {
    const root = own.current?.nativeElement;
    root?.querySelector('.ant-input-number-handler-up')?.setAttribute('aria-label', t('common.increase'));
    root?.querySelector('.ant-input-number-handler-down')?.setAttribute('aria-label', t('common.decrease'));
  });
  return <InputNumber<number> {...props} ref={refs} />;
}
