import type { MouseEvent } from 'react';
import { Button, type ButtonProps } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import i18n from '../i18n/index';

/**
 * For a button whose work is under way: a spinner as its icon, aria-busy, and clicks ignored.
 * Not antd's `loading`, which animates its spinner out: when an action finishes within a frame or
 * two, the end of that animation can be missed and the spinner element stays — the button then
 * reads "loading …" to a screen reader for good, although it works again. The spinner's name is
 * said in the interface language (the icon's own is the English "loading").
 */
export function busyProps(busy: boolean, icon?: ButtonProps['icon']): Pick<ButtonProps, 'icon' | 'aria-busy'> {
  return { icon: busy ? <LoadingOutlined aria-label={i18n.t('common.working')} /> : icon, 'aria-busy': busy };
}

export function BusyButton({ busy, icon, onClick, ...rest }: Omit<ButtonProps, 'loading'> & { busy: boolean }) {
  return (
    <Button
      {...rest}
      {...busyProps(busy, icon)}
      onClick={(event: MouseEvent<HTMLElement>) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event as MouseEvent<HTMLButtonElement & HTMLAnchorElement>);
      }}
    />
  );
}
