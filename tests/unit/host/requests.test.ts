import http from 'node:http';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedHostHeaders } from '../../../electron/host/allowedHosts';
import { startInProcessHost, type InProcessHost } from './hostHarness';

let opened: InProcessHost | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

interface EarlyAnswer {
  status: number;
  body: string;
  /** bytes of the body the client had written when the answer arrived */
  sentBeforeAnswer: number;
}

/**
 * Posts a body of `total` bytes as a browser would (fetch), 1 MB at a time, declared or chunked, and
 * records how much had been handed over when the host answered: a host that reads the whole body
 * first answers only at the end.
 */
async function postLarge(url: string, cookie: string, total: number, declared: boolean): Promise<EarlyAnswer> {
  let sent = 0;
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"method":"articles.create","input":{"headline":"'));
    },
    async pull(controller) {
      if (sent >= total) return controller.close();
      await new Promise((done) => setTimeout(done, 5));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', Cookie: cookie };
  if (declared) headers['Content-Length'] = String(total + 49);
  const res = await fetch(`${url}/api/call`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  const at = sent;
  return { status: res.status, body: await res.text(), sentBeforeAnswer: at };
}

describe('request bodies', { timeout: 60_000 }, () => {
  it('answers a declared 50 MB body with 413 before reading it, and the host keeps serving', async () => {
    opened = await startInProcessHost();
    const cookie = await opened.login('reporter');
    const answer = await postLarge(opened.host.url, cookie, 50 * 1024 * 1024, true);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('32 MB') } });
    expect(answer.sentBeforeAnswer).toBeLessThan(8 * 1024 * 1024);
    const me = await fetch(`${opened.host.url}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', Cookie: cookie },
      body: JSON.stringify({ method: 'auth.me', input: {} }),
    });
    expect(me.status).toBe(200);
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    opened = await startInProcessHost();
    const cookie = await opened.login('reporter');
    const answer = await postLarge(opened.host.url, cookie, 50 * 1024 * 1024, false);
    expect(answer.status).toBe(413);
    expect(answer.sentBeforeAnswer).toBeLessThan(40 * 1024 * 1024);
  });

  it('looks at the session before the body: without one, a large body is refused unread', async () => {
    opened = await startInProcessHost();
    const answer = await postLarge(opened.host.url, 'newsroom_session_1=forged', 10 * 1024 * 1024, true);
    expect(answer.status).toBe(401);
    expect(answer.sentBeforeAnswer).toBeLessThan(4 * 1024 * 1024);
    // Signing in still fits.
    expect(await opened.login('reporter')).toMatch(/^newsroom_session_\d+=/);
  });
});

describe('static files', () => {
  it('serves the built app but not its source maps', async () => {
    opened = await startInProcessHost();
    expect((await fetch(`${opened.host.url}/assets/index-abc.js`)).status).toBe(200);
    const map = await fetch(`${opened.host.url}/assets/index-abc.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
  });
});

describe('which Host names the host answers', () => {
  const interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = {
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
    eth0: [
      { address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:12:34:56', internal: false, cidr: '192.168.1.20/24' },
      { address: 'fe80::5054:ff:fe12:3456', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '52:54:00:12:34:56', internal: false, cidr: null, scopeid: 2 },
      { address: '2001:db8::20', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '52:54:00:12:34:56', internal: false, cidr: null, scopeid: 0 },
    ],
  };

  it('on loopback: the bound address and localhost only', () => {
    expect([...allowedHostHeaders({ bound: '127.0.0.1', port: 5780, publicNames: [], machineName: 'desk-07', interfaces })].sort()).toEqual([
      '127.0.0.1:5780',
      'localhost:5780',
    ]);
  });

  it('on 0.0.0.0: the machine’s IPv4 addresses, its name and the --public-name given, never 0.0.0.0 itself', () => {
    const allowed = allowedHostHeaders({ bound: '0.0.0.0', port: 5780, publicNames: ['Desk.Jiangcheng.local', 'proxy.example.cn:443'], machineName: 'DESK-07', interfaces });
    expect([...allowed].sort()).toEqual(
      ['127.0.0.1:5780', '192.168.1.20:5780', 'desk-07:5780', 'desk.jiangcheng.local:5780', 'localhost:5780', 'proxy.example.cn:443'].sort(),
    );
  });

  it('on ::: IPv6 addresses in brackets as well, leaving out link-local ones a Host header cannot name', () => {
    const allowed = allowedHostHeaders({ bound: '::', port: 80, publicNames: [], machineName: 'desk-07', interfaces });
    expect(allowed.has('[2001:db8::20]:80')).toBe(true);
    expect(allowed.has('[2001:db8::20]')).toBe(true);
    expect(allowed.has('desk-07')).toBe(true);
    expect([...allowed].some((h) => h.includes('fe80'))).toBe(false);
  });

  it('bound to 0.0.0.0 with --allow-remote, answers requests addressed to this machine’s name and addresses', async () => {
    opened = await startInProcessHost({ bind: '0.0.0.0', publicNames: ['newsroom.jiangcheng.test'] });
    const port = opened.host.port;
    const status = (hostHeader: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/', headers: { Host: hostHeader }, agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
    expect(await status(`${os.hostname()}:${port}`)).toBe(200);
    expect(await status(`newsroom.jiangcheng.test:${port}`)).toBe(200);
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`evil.example:${port}`)).toBe(421);
  });
});
