import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';

/**
 * Cookies ignore ports: any page on another 127.0.0.1 port can set a cookie our host then receives.
 * One that is not valid percent-encoding used to end the host process from /api/events.
 */
describe('the browser host with a foreign cookie it cannot decode', { timeout: 120_000 }, () => {
  let host: HostProcess;
  let cookieName: string;

  beforeAll(async () => {
    host = await startHostProcess(tempDataDir(), ['--demo']);
    const login = await fetch(`${host.url}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
      body: JSON.stringify({ method: 'auth.login', input: { username: 'reporter', password: 'demo1234' } }),
    });
    cookieName = login.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(() => host.stop());

  const call = (cookie: string) =>
    fetch(`${host.url}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', Cookie: cookie },
      body: JSON.stringify({ method: 'auth.me', input: {} }),
    });

  it('keeps serving the event stream and API calls, and reads our own cookie beside it', async () => {
    const foreign = `x=50%; other=%E4%ZZ; ${cookieName}; tail=%`;
    const events = await fetch(`${host.url}/api/events`, { headers: { Cookie: foreign } });
    expect(events.status).toBe(200);
    await events.body!.cancel();

    const answered = await call(foreign);
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { ok: boolean }).ok).toBe(true);

    const signedOut = await fetch(`${host.url}/api/events`, { headers: { Cookie: 'x=50%' } });
    expect(signedOut.status).toBe(401);
    await signedOut.body!.cancel();

    expect(host.child.exitCode).toBeNull();
    expect((await call(cookieName)).status).toBe(200);
  });

  it('treats our own cookie with a broken value as no session, not as a failure', async () => {
    const name = cookieName.split('=')[0]!;
    const broken = await call(`${name}=%E4%B8`);
    expect(broken.status).toBe(401);
    const events = await fetch(`${host.url}/api/events`, { headers: { Cookie: `${name}=%` } });
    expect(events.status).toBe(401);
    await events.body!.cancel();
    expect(host.child.exitCode).toBeNull();
  });
});
