import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

export interface DeskSelectProps {
  id?: string;
  value?: string;
  onChange?(desk: string): void;
  disabled?: boolean;
  size?: 'small' | 'middle';
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/**
 * A story's 部门, picked from the paper's list (admin.desks) or none. A desk since taken off the
 * list still shows, marked as such, so an older story opens with the desk it has.
 */
export function DeskSelect({ id, value = '', onChange, disabled, size, style, 'aria-label': ariaLabel }: DeskSelectProps) {
  const { t } = useTranslation();
  const [desks, setDesks] = useState<string[]>([]);
  useEffect(() => {
    let stale = false;
    api.call('admin.desks', {}).then(
      (list) => !stale && setDesks(list),
      () => !stale && setDesks([]),
    );
    return () => {
      stale = true;
    };
  }, []);
  const options = [
    { value: '', label: t('fields.deskNone') },
    ...desks.map((d) => ({ value: d, label: d })),
    ...(value !== '' && !desks.includes(value) ? [{ value, label: t('fields.deskUnlisted', { desk: value }) }] : []),
  ];
  return <Select<string> id={id} aria-label={ariaLabel} size={size} style={style} disabled={disabled} value={value} onChange={(desk) => onChange?.(desk)} options={options} />;
}
