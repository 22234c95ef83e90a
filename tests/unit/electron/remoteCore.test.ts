import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api/events';
import { RemoteCore } from '../../../electron/remote/remoteCore';
import { pinAccepted, probeServer } from '../../../electron/remote/serverProbe';
import type { PinnedCertificate } from '../../../electron/remote/serverTls';
import { startServerProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';
import { selfSigned } from '../../support/selfSigned';

// The desktop app's line to a newsroom server, against a real server process over TLS with a
// self-signed certificate (naming newsroom.test only: a pinned certificate is not checked by name).

async function waitFor<T>(read: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('the desktop app against a newsroom server over TLS', () => {
  const dataDir = tempDataDir();
  let tls: { cert: string; key: string };
  let server: HostProcess;
  let port: string;

  beforeAll(async () => {
    tls = selfSigned(tempDataDir(), ['DNS:newsroom.test']);
    server = await startServerProcess(dataDir, ['--demo', '--tls-cert', tls.cert, '--tls-key', tls.key]);
    port = new URL(server.url).port;
  }, 120_000);

  afterAll(() => server?.stop());

  /** What the desktop holds after the user accepted the server's certificate. */
  async function pinnedServer(): Promise<{ address: string; fingerprint: string; pin: PinnedCertificate }> {
    const probe = await probeServer(`https://127.0.0.1:${port}`);
    if (!probe.ok || !probe.certificate) throw new Error('expected a certificate to accept');
    const accepted = await pinAccepted(probe.address, probe.certificate.fingerprint);
    if (!accepted.ok) throw new Error(accepted.message);
    return { address: probe.address, fingerprint: probe.certificate.fingerprint, pin: accepted.pin };
  }

  it('shows a self-signed certificate for the user to accept, then signs in, calls and hears events with the pinned certificate', async () => {
    const probe = await probeServer(`127.0.0.1:${port}`);
    expect(probe).toMatchObject({ ok: true, address: `https://127.0.0.1:${port}`, encrypted: true });
    if (!probe.ok || !probe.certificate) throw new Error('expected a certificate to accept');
    const fingerprint = execFileSync('openssl', ['x509', '-in', tls.cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1];
    expect(probe.certificate.fingerprint).toBe(fingerprint);
    expect(probe.certificate.reason).toContain('自签名');
    expect(probe.certificate.subject).toContain('newsroom.test');

    const accepted = await pinAccepted(probe.address, probe.certificate.fingerprint);
    if (!accepted.ok) throw new Error(accepted.message);
    const remote = new RemoteCore({ address: probe.address, pin: accepted.pin });
    try {
      const login = await remote.dispatch(null, 'auth.login', { username: 'reporter', password: 'demo1234' });
      expect(login.response).toMatchObject({ ok: true, result: { user: { username: 'reporter' } } });
      const token = login.session && 'set' in login.session ? login.session.set : null;
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

      const events: ApiEvent[] = [];
      const stop = remote.openEvents(token!, (event) => events.push(event), () => undefined);
      // The stream is open once the server has it: a change by another desk then reaches this one.
      await new Promise((done) => setTimeout(done, 500));
      const editor = new RemoteCore({ address: probe.address, pin: accepted.pin });
      const editorLogin = await editor.dispatch(null, 'auth.login', { username: 'editor', password: 'demo1234' });
      const editorToken = editorLogin.session && 'set' in editorLogin.session ? editorLogin.session.set : null;
      const created = await editor.dispatch(editorToken, 'articles.create', { headline: '远端新稿' });
      editor.close();
      expect(created.response.ok).toBe(true);
      const articleId = (created.response as { result: { id: string } }).result.id;
      await waitFor(() => events.find((e) => e.type === 'article.changed' && e.articleId === articleId), 'the editor’s new story to be announced');

      const mine = await remote.dispatch(token, 'auth.me', {});
      expect(mine.response).toMatchObject({ ok: true, result: { user: { username: 'reporter' } } });
      const out = await remote.dispatch(token, 'auth.logout', {});
      expect(out.session).toEqual({ clear: true });
      stop();
    } finally {
      remote.close();
    }
  });

  it('refuses a wrong password with the server’s sentence', async () => {
    const { address, pin } = await pinnedServer();
    const remote = new RemoteCore({ address, pin });
    try {
      const login = await remote.dispatch(null, 'auth.login', { username: 'reporter', password: 'wrong-password' });
      expect(login.response.ok).toBe(false);
      expect(!login.response.ok && login.response.error.message).toMatch(/用户名或密码/);
      expect(login.session).toBeUndefined();
    } finally {
      remote.close();
    }
  });

  it('refuses a server whose certificate changed since it was pinned, before sending anything', async () => {
    const { fingerprint, pin } = await pinnedServer();
    const other = selfSigned(tempDataDir(), ['DNS:newsroom.test']);
    const impostor = await startServerProcess(tempDataDir(), ['--demo', '--tls-cert', other.cert, '--tls-key', other.key]);
    try {
      const address = `https://127.0.0.1:${new URL(impostor.url).port}`;
      const remote = new RemoteCore({ address, pin });
      const login = await remote.dispatch(null, 'auth.login', { username: 'reporter', password: 'demo1234' });
      remote.close();
      expect(login.response).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(!login.response.ok && login.response.error.message).toContain('证书与第一次连接时确认的不同');
      // Accepting one certificate and finding another on connecting is refused too.
      const swapped = await pinAccepted(address, fingerprint);
      expect(swapped).toMatchObject({ ok: false, message: expect.stringContaining('证书在您确认期间变了') });
    } finally {
      await impostor.stop();
    }
  }, 120_000);

  it('says in a sentence when the server stops, and reconnects its events with events.resumed when it is back', async () => {
    const { address, pin } = await pinnedServer();
    const remote = new RemoteCore({ address, pin });
    const statuses: boolean[] = [];
    remote.onStatus((online) => statuses.push(online));
    try {
      const login = await remote.dispatch(null, 'auth.login', { username: 'chief', password: 'demo1234' });
      const token = login.session && 'set' in login.session ? login.session.set : null;
      const events: ApiEvent[] = [];
      let gone = false;
      remote.openEvents(token!, (event) => events.push(event), () => (gone = true));
      await new Promise((done) => setTimeout(done, 300));

      await server.stop();
      const down = await remote.dispatch(token, 'auth.me', {});
      expect(down.response).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(!down.response.ok && down.response.error.message).toContain(`无法连接到编辑部服务器 ${address}`);
      expect(statuses).toContain(false);

      server = await startServerProcess(dataDir, ['--tls-cert', tls.cert, '--tls-key', tls.key, '--port', port]);
      await waitFor(() => events.find((e) => e.type === 'events.resumed'), 'events.resumed after the gap', 40_000);
      expect(gone).toBe(false);
      const back = await remote.dispatch(token, 'auth.me', {});
      expect(back.response).toMatchObject({ ok: true, result: { user: { username: 'chief' } } });
      expect(statuses.at(-1)).toBe(true);
    } finally {
      remote.close();
    }
  }, 120_000);
});

describe('addresses and servers that are not a newsroom server', () => {
  let foreign: http.Server;
  let foreignPort: number;

  beforeAll(async () => {
    // Some other web server: 404 with an HTML page for /api/call.
    foreign = http.createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
    foreignPort = (foreign.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((done) => foreign.close(() => done())));

  it.each([
    ['', '请填写编辑部服务器的地址'],
    ['ftp://newsroom.test', '应以 https:// 或 http:// 开头'],
    ['file:///etc/passwd', '应以 https:// 或 http:// 开头'],
    ['https://newsroom.test/api/call', '地址只需要主机名和端口'],
  ])('refuses the address %j in a sentence', async (address, message) => {
    expect(await probeServer(address)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it('says a web server that answers 404 in HTML is not a newsroom server', async () => {
    const probe = await probeServer(`http://127.0.0.1:${foreignPort}`);
    expect(probe).toEqual({ ok: false, message: expect.stringContaining('不是编辑部服务器（HTTP 404') });
  });

  it('says nothing answers at an address where no server runs', async () => {
    const closed = http.createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const probe = await probeServer(`http://127.0.0.1:${port}`);
    expect(probe).toEqual({ ok: false, message: expect.stringContaining('服务器没有响应（连接被拒绝）') });
  });

  it('says so when https:// is given for a plain-HTTP server', async () => {
    const probe = await probeServer(`https://127.0.0.1:${foreignPort}`);
    expect(probe).toEqual({ ok: false, message: expect.stringContaining('不是 HTTPS 服务') });
  });
});
