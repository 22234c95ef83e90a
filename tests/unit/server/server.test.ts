import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServerProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';
import { selfSigned } from '../../support/selfSigned';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; ca: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: options.method ?? 'GET', headers: options.headers, ca: fs.readFileSync(options.ca), servername: 'newsroom.test' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (method: string, input: unknown) => JSON.stringify({ method, input });

describe('the newsroom server over TLS', () => {
  let tls: { cert: string; key: string };
  let server: HostProcess;

  beforeAll(async () => {
    tls = selfSigned(tempDataDir());
    server = await startServerProcess(tempDataDir(), ['--demo', '--tls-cert', tls.cert, '--tls-key', tls.key, '--public-name', 'newsroom.test']);
  }, 120_000);

  afterAll(() => server?.stop());

  it('answers https only, and gives a page its session as a Secure, HttpOnly cookie', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await request(`${server.url}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', Origin: server.url },
      body: call('auth.login', { username: 'reporter', password: 'demo1234' }),
      ca: tls.cert,
    });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
    expect(answer.headers['x-newsroom-session']).toBeUndefined();
  });

  it('gives a desktop program its session as a bearer token, and never to a page', async () => {
    const signIn = (headers: Record<string, string>) =>
      request(`${server.url}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: call('auth.login', { username: 'editor', password: 'demo1234' }),
        ca: tls.cert,
      });
    const desktop = await signIn({ 'X-Newsroom-Client': 'desktop' });
    const token = desktop.headers['x-newsroom-session'] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(desktop.headers['set-cookie']).toBeUndefined();
    const me = await request(`${server.url}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': 'desktop', Authorization: `Bearer ${token}` },
      body: call('auth.me', {}),
      ca: tls.cert,
    });
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, result: { user: { username: 'editor' } } });

    // A page (it always sends Origin) asking to be a desktop program gets no token.
    const page = await signIn({ 'X-Newsroom-Client': 'desktop', Origin: server.url });
    expect(page.status).toBe(400);
    expect(page.headers['x-newsroom-session']).toBeUndefined();
  });

  it('answers the names it serves under, refuses others, and tells a load balancer it is healthy', async () => {
    const named = await request(`${server.url}/`, { headers: { Host: `newsroom.test:${new URL(server.url).port}` }, ca: tls.cert });
    expect(named.status).toBe(200);
    const foreign = await request(`${server.url}/`, { headers: { Host: 'attacker.example' }, ca: tls.cert });
    expect(foreign.status).toBe(421);
    const health = await request(`${server.url}/healthz`, { headers: { Host: '10.9.8.7' }, ca: tls.cert });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true, store: 'sqlite' });
  });
});

describe('the newsroom server', () => {
  it('logs one JSON line per request: method, path, API method, user, status, time', async () => {
    const server = await startServerProcess(tempDataDir(), ['--demo'], { log: true });
    try {
      const login = await fetch(`${server.url}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
        body: call('auth.login', { username: 'chief', password: 'demo1234' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      await fetch(`${server.url}/api/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', Cookie: cookie }, body: call('workflow.myQueue', {}) });
      await new Promise((done) => setTimeout(done, 200));
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const queue = lines.find((l) => l['api'] === 'workflow.myQueue');
      expect(queue).toMatchObject({ method: 'POST', path: '/api/call', status: 200, user: expect.any(String), ms: expect.any(Number) });
      expect(lines.find((l) => l['api'] === 'auth.login')).toMatchObject({ status: 200 });
    } finally {
      await server.stop();
    }
  }, 60_000);

  it.each([
    [['--tls-cert', '/nonexistent/server.crt', '--tls-key', '/nonexistent/server.key'], '找不到证书文件：/nonexistent/server.crt'],
    [['--tls-cert', 'package.json'], '--tls-cert 和 --tls-key 要一起给出'],
    [['--database', 'mysql://x'], '--database 应为 PostgreSQL 地址'],
    [['--database', 'postgres://newsroom@127.0.0.1:1/none'], '无法连接 PostgreSQL 数据库'],
    [['--port', 'eighty'], '端口号无效'],
  ])('refuses %j with one line and a non-zero exit', (args, message) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/server/serverCli.ts', '--port', '0', '--data-dir', tempDataDir(), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});
