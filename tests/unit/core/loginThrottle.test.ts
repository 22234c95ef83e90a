import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY, MemoryLoginThrottle, StoredLoginThrottle, type LoginThrottle } from '../../../electron/core/auth/loginThrottle';
import { direct } from '../workflow/support';
import { openHarness, openTestSql, type Harness } from '../../support/coreHarness';
import { startInProcessHost, type InProcessHost } from '../host/hostHarness';

/** The same rules counted in memory (a read-only folder) and in the database (shared by server processes). */
const THROTTLES: Record<string, (now: () => number) => Promise<{ throttle: LoginThrottle; done(): Promise<void> }>> = {
  memory: async (now) => ({ throttle: new MemoryLoginThrottle(now), done: async () => undefined }),
  database: async (now) => {
    const newsroom = await openHarness();
    const services = await direct(newsroom.location);
    return {
      throttle: new StoredLoginThrottle(services.ctx, now),
      async done() {
        await services.close();
        await newsroom.close();
      },
    };
  },
};

describe.each(Object.keys(THROTTLES))('the login throttle (%s)', (kind) => {
  const keys = { account: 'reporter', address: '10.0.0.5' };

  it('lets the first five failures through, then locks with a delay that doubles up to the cap', async () => {
    let now = 1_000_000;
    const { throttle, done } = await THROTTLES[kind]!(() => now);
    try {
      for (let i = 0; i < 5; i += 1) expect(await throttle.recordFailure(keys)).toEqual({ lockedUntil: null, early: true });
      expect(await throttle.lockedUntil(keys)).toBeNull();
      const delays: number[] = [];
      for (let i = 0; i < 14; i += 1) {
        const failure = await throttle.recordFailure(keys);
        expect(failure.early).toBe(false);
        delays.push(failure.lockedUntil! - now);
        expect(await throttle.lockedUntil(keys)).toBe(failure.lockedUntil);
        now = failure.lockedUntil!;
      }
      expect(delays.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
      expect(Math.max(...delays)).toBe(DEFAULT_THROTTLE_POLICY.maxDelayMs);
    } finally {
      await done();
    }
  });

  it('clears an account on success but not its address, and forgets a key after an hour of quiet', async () => {
    let now = 0;
    const { throttle, done } = await THROTTLES[kind]!(() => now);
    try {
      for (let i = 0; i < 6; i += 1) await throttle.recordFailure(keys);
      now += 2000;
      await throttle.recordSuccess(keys);
      expect((await throttle.recordFailure(keys)).early).toBe(true);
      // The address keeps counting across accounts: guessing at many accounts from one place is slowed too.
      for (let i = 0; i < 13; i += 1) await throttle.recordFailure({ account: `user${i}`, address: keys.address });
      expect((await throttle.recordFailure({ account: 'someone-else', address: keys.address })).lockedUntil).not.toBeNull();
      now += DEFAULT_THROTTLE_POLICY.forgetAfterMs + DEFAULT_THROTTLE_POLICY.maxDelayMs + 1;
      expect(await throttle.lockedUntil({ account: 'someone-else', address: keys.address })).toBeNull();
      expect((await throttle.recordFailure({ account: 'someone-else', address: keys.address })).early).toBe(true);
    } finally {
      await done();
    }
  });
});

let harness: Harness | null = null;
let opened: InProcessHost | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  await opened?.close();
  opened = null;
});

describe('signing in under the throttle', () => {
  it('refuses the right password during a lock-out, says when to try again, and keeps the audit log bounded', async () => {
    harness = await openHarness({ demo: true });
    const guess = (password: string) => harness!.anonymous.raw('auth.login', { username: 'reporter', password });
    for (let i = 0; i < 5; i += 1) expect(await guess(`wrong-${i}`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码不正确' } });
    const sixth = await guess('wrong-5');
    expect(sixth).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/请在 1 秒后（\d\d:\d\d:\d\d）再试/) } });
    const right = await guess('demo1234');
    expect(right).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('已暂停登录') } });
    for (let i = 0; i < 50; i += 1) expect((await guess(`spray-${i}`)).ok).toBe(false);

    const sql = openTestSql(harness.location);
    const rows = await sql.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'auth.login%' ORDER BY at, id");
    await sql.close();
    expect(rows.map((r) => r.action)).toEqual([...Array(5).fill('auth.login_failed'), 'auth.login_locked']);

    await new Promise((done) => setTimeout(done, 1100));
    expect((await guess('demo1234')).ok).toBe(true);
    expect(await guess('wrong-again')).toMatchObject({ ok: false, error: { message: '用户名或密码不正确' } });
  });

  it('counts per address and per account at the browser host, by the peer address', async () => {
    opened = await startInProcessHost();
    const login = (username: string, password: string, from: string) =>
      new Promise<{ status: number; retryAfter: string | undefined; body: { ok: boolean; error?: { code: string } } }>((resolve, reject) => {
        const body = JSON.stringify({ method: 'auth.login', input: { username, password } });
        const url = new URL(opened!.host.url);
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: '/api/call',
            method: 'POST',
            localAddress: from,
            agent: false,
            headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', 'Content-Length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    // One address guessing once each at many accounts is locked after its 20 free failures …
    for (let i = 0; i < 21; i += 1) await login(`nobody${i}`, 'guess', '127.0.0.2');
    const blocked = await login('editor', 'demo1234', '127.0.0.2');
    expect(blocked).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^\d+$/), body: { ok: false, error: { code: 'RATE_LIMITED' } } });
    // … while from another address the same account signs in.
    expect((await login('editor', 'demo1234', '127.0.0.3')).body.ok).toBe(true);

    // One account guessed at from many addresses is locked for every address.
    for (let i = 0; i < 6; i += 1) await login('chief', 'guess', `127.0.1.${i + 1}`);
    expect((await login('chief', 'demo1234', '127.0.2.1')).body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
