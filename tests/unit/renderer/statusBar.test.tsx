// @vitest-environment jsdom
import '@ant-design/v5-patch-for-react-19';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../../renderer/src/i18n/index';
import { StatusBar } from '../../../renderer/src/components/StatusBar';
import { useSaveState } from '../../../renderer/src/stores/saveStore';
import { useSession } from '../../../renderer/src/stores/sessionStore';

beforeAll(() => {
  useSession.setState({
    phase: 'ready',
    session: {
      user: { id: 'u1', username: 'reporter', displayName: '张晓明', roles: ['reporter'], disabled: false },
      privileges: ['article.read'],
      paperName: '江城日报',
    },
    system: { appVersion: '0.1.0', store: 'sqlite', dataDir: '/data/江城日报', schemaVersion: 5, readOnly: false, readOnlyReason: null },
  });
});

afterEach(() => {
  cleanup();
  useSaveState.setState({ status: 'idle', savedAt: null, message: null });
});

describe('the status bar', () => {
  it('shows who is signed in, in which role, and the data folder', () => {
    render(<StatusBar />);
    const bar = screen.getByRole('contentinfo', { name: '状态栏' });
    expect(bar.textContent).toContain('张晓明（reporter）');
    expect(bar.textContent).toContain('角色：记者');
    expect(bar.textContent).toContain('/data/江城日报');
  });

  it('on the newsroom server’s PostgreSQL, names the server instead of a folder the desk cannot see', () => {
    const system = useSession.getState().system!;
    useSession.setState({ system: { ...system, store: 'postgres', dataDir: '/srv/server-only' } });
    try {
      render(<StatusBar />);
      const bar = screen.getByRole('contentinfo', { name: '状态栏' });
      expect(bar.textContent).toContain('数据：编辑部服务器（PostgreSQL）');
      expect(bar.textContent).not.toContain('/srv/server-only');
    } finally {
      useSession.setState({ system });
    }
  });

  it('says 已保存 with the time only once a save was acknowledged, and keeps failures visible', () => {
    const { rerender } = render(<StatusBar />);
    useSaveState.getState().setStatus('saving');
    rerender(<StatusBar />);
    expect(screen.getByRole('status').textContent).toBe('正在保存…');
    useSaveState.getState().markSaved(new Date(2026, 10, 28, 12, 3, 5));
    rerender(<StatusBar />);
    expect(screen.getByRole('status').textContent).toBe('已保存 12:03:05');
    useSaveState.getState().setStatus('error', '磁盘空间已满');
    rerender(<StatusBar />);
    expect(screen.getByRole('status').textContent).toContain('保存失败：磁盘空间已满');
  });
});
