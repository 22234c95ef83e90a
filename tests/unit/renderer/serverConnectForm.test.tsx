// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeskControls } from '../../../shared/api/bridge';
import type { ServerProbe } from '../../../shared/api/desk';
import { AntdSetup } from '../../../renderer/src/components/AntdSetup';
import { ServerConnectForm } from '../../../renderer/src/screens/ServerConnectForm';

vi.setConfig({ testTimeout: 90_000 });

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

function setup(probe: ServerProbe) {
  const desk = {
    connection: vi.fn(),
    onConnection: vi.fn(),
    probe: vi.fn(async () => probe),
    connect: vi.fn(async () => ({ ok: true as const })),
    useLocal: vi.fn(),
  } satisfies DeskControls;
  const user = userEvent.setup();
  render(
    <AntdSetup>
      <ServerConnectForm desk={desk} />
    </AntdSetup>,
  );
  return { desk, user, address: () => screen.getByLabelText('服务器地址'), check: () => screen.getByRole('button', { name: '检查服务器' }) };
}

afterEach(cleanup);

describe('连接编辑部服务器 on the first-run screen', () => {
  it.each([
    ['', '请填写编辑部服务器的地址。'],
    ['ftp://newsroom.example.cn', '编辑部服务器的地址应以 https:// 或 http:// 开头'],
    ['https://newsroom.example.cn/login', '地址只需要主机名和端口'],
    ['https://编辑 部', '不是有效的网址'],
  ])('refuses the address %j in the form, asking the main side nothing', async (typed, message) => {
    const { desk, user, address, check } = setup({ ok: false, message: 'unused' });
    if (typed) await user.type(address(), typed);
    await user.click(check());
    expect(await screen.findByText(new RegExp(message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))).toBeTruthy();
    expect(desk.probe).not.toHaveBeenCalled();
  });

  it('shows a self-signed certificate’s fingerprint and connects only once the user trusts it', async () => {
    const { desk, user, address, check } = setup({
      ok: true,
      address: 'https://newsroom.test:5790',
      encrypted: true,
      certificate: { fingerprint: FINGERPRINT, subject: 'CN=newsroom.test', issuer: 'CN=newsroom.test', validTo: 'Dec  5 20:00:00 2027 GMT', reason: '这是服务器自己签发的证书（自签名），没有公共证书机构为它担保' },
    });
    await user.type(address(), 'newsroom.test');
    await user.click(check());
    const confirm = await screen.findByRole('region', { name: '确认服务器' });
    expect(within(confirm).getByText(FINGERPRINT)).toBeTruthy();
    expect(within(confirm).getByText(/自签名/)).toBeTruthy();
    expect(desk.connect).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: '信任此证书并连接' }));
    expect(desk.connect).toHaveBeenCalledWith('https://newsroom.test:5790', FINGERPRINT);
  });

  it('says what the main side found wrong with the server', async () => {
    const { user, address, check } = setup({ ok: false, message: 'https://10.0.0.9:5790 上的程序不是编辑部服务器（HTTP 404，回答不是编辑部接口的格式）。请核对地址和端口。' });
    await user.type(address(), 'https://10.0.0.9:5790');
    await user.click(check());
    expect((await screen.findByRole('alert')).textContent).toContain('不是编辑部服务器（HTTP 404');
  });

  it('warns before connecting to a server without encryption, and connects to a trusted one at once', async () => {
    const plain = setup({ ok: true, address: 'http://10.0.0.9:5790', encrypted: false, certificate: null });
    await plain.user.type(plain.address(), 'http://10.0.0.9:5790');
    await plain.user.click(plain.check());
    expect(await screen.findByText('这个服务器没有加密')).toBeTruthy();
    expect(plain.desk.connect).not.toHaveBeenCalled();
    await plain.user.click(screen.getByRole('button', { name: '仍然连接' }));
    expect(plain.desk.connect).toHaveBeenCalledWith('http://10.0.0.9:5790', null);
    cleanup();

    const trusted = setup({ ok: true, address: 'https://newsroom.example.cn', encrypted: true, certificate: null });
    await trusted.user.type(trusted.address(), 'https://newsroom.example.cn');
    await trusted.user.click(trusted.check());
    await vi.waitFor(() => expect(trusted.desk.connect).toHaveBeenCalledWith('https://newsroom.example.cn', null));
  });
});
