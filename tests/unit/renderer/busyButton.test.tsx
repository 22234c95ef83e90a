// @vitest-environment jsdom
import '@ant-design/v5-patch-for-react-19';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyButton } from '../../../renderer/src/components/BusyButton';

/** As App.tsx sets it: antd's space between two Chinese characters is off. */
const inApp = (node: ReactNode) => <ConfigProvider button={{ autoInsertSpace: false }}>{node}</ConfigProvider>;

afterEach(cleanup);

describe('BusyButton', () => {
  it('spins and ignores clicks while busy, and reads as itself again the moment the work ends', () => {
    const onClick = vi.fn();
    const view = render(
      inApp(
        <BusyButton busy onClick={onClick}>
          签发
        </BusyButton>,
      ),
    );
    const busy = screen.getByRole('button', { name: /^正在处理\s*签发$/ });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(busy);
    expect(onClick).not.toHaveBeenCalled();

    act(() =>
      view.rerender(
        inApp(
          <BusyButton busy={false} onClick={onClick}>
            签发
          </BusyButton>,
        ),
      ),
    );
    // antd's own `loading` keeps its spinner until a CSS transition ends; here nothing waits on one.
    const idle = screen.getByRole('button', { name: '签发' });
    expect(idle.getAttribute('aria-busy')).toBe('false');
    fireEvent.click(idle);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
