import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/api/bridge';
import type { DeskConnection, DeskReply, ServerProbe } from '../../../shared/api/desk';
import type { ApiResponse } from '../../../shared/api/errors';
import { RemoteCore } from '../../../electron/remote/remoteCore';
import type { PinnedCertificate } from '../../../electron/remote/serverTls';
import { startServerProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';
import { selfSigned } from '../../support/selfSigned';
import * as fake from './fakeElectron';

vi.mock('electron', async () => await import('./fakeElectron'));

// electron/desktop/main.ts under the fake Electron, switched from its local newsroom to a real
// newsroom server process over TLS with a self-signed certificate, and back.

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-main-remote-'));
const dataDir = path.join(temp, 'data');
const savedArgv = process.argv;
let win: fake.FakeBrowserWindow;
let server: HostProcess;
let port: string;

const from = () => fake.ipcEventFrom(win);
const invoke = <T,>(channel: string, ...args: unknown[]) => fake.ipcMain.handlers.get(channel)!(from(), ...args) as Promise<T>;
const call = (method: string, input: unknown) => invoke<ApiResponse>(IPC_CHANNELS.call, method, input);
const tokenFile = path.join(dataDir, 'server-session.bin');

beforeAll(async () => {
  const { cert, key } = selfSigned(tempDataDir(), ['DNS:newsroom.test']);
  server = await startServerProcess(tempDataDir(), ['--demo', '--tls-cert', cert, '--tls-key', key]);
  port = new URL(server.url).port;
  fake.app.setPath('appData', path.join(temp, 'appData'));
  fake.app.setPath('documents', path.join(temp, 'documents'));
  process.argv = [...savedArgv, '--data-dir', dataDir];
  await import('../../../electron/desktop/main');
  await fake.waitFor(() => fake.FakeBrowserWindow.all.length === 1, 'the main window');
  win = fake.FakeBrowserWindow.all[0]!;
}, 120_000);

afterAll(async () => {
  process.argv = savedArgv;
  await server?.stop();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('the desktop against a newsroom server', () => {
  let address = '';
  let fingerprint = '';
  let pin: PinnedCertificate;

  it('starts in the newsroom on this computer, with no newsroom in it yet', async () => {
    expect(await invoke<DeskConnection>(IPC_CHANNELS.deskConnection)).toEqual({ mode: 'local' });
    expect(await call('setup.status', {})).toMatchObject({ ok: true, result: { initialized: false } });
  });

  it('refuses an address that is not http(s) without connecting', async () => {
    expect(await invoke<ServerProbe>(IPC_CHANNELS.deskProbe, 'ftp://newsroom.test')).toEqual({ ok: false, message: expect.stringContaining('https://') });
    expect(await invoke<DeskReply>(IPC_CHANNELS.deskConnect, 'ftp://newsroom.test', null)).toMatchObject({ ok: false });
    expect(await invoke<DeskConnection>(IPC_CHANNELS.deskConnection)).toEqual({ mode: 'local' });
  });

  it('refuses to connect to a self-signed server whose certificate the user did not accept', async () => {
    const reply = await invoke<DeskReply>(IPC_CHANNELS.deskConnect, `127.0.0.1:${port}`, null);
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('证书不受信任') });
    expect(fs.existsSync(path.join(dataDir, 'desk-connection.json'))).toBe(false);
  });

  it('shows the certificate, connects with it pinned, and routes the window’s calls to the server', async () => {
    const probe = await invoke<ServerProbe>(IPC_CHANNELS.deskProbe, `127.0.0.1:${port}`);
    if (!probe.ok || !probe.certificate) throw new Error('expected a certificate to accept');
    ({ address } = probe);
    ({ fingerprint } = probe.certificate);
    const reply = await invoke<DeskReply>(IPC_CHANNELS.deskConnect, address, fingerprint);
    expect(reply).toEqual({ ok: true });
    const settings = JSON.parse(fs.readFileSync(path.join(dataDir, 'desk-connection.json'), 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ mode: 'remote', address, pin: { fingerprint, pem: expect.stringContaining('BEGIN CERTIFICATE') } });
    pin = settings['pin'] as PinnedCertificate;
    expect(win.webContents.sent(IPC_CHANNELS.deskChanged).at(-1)).toEqual({ mode: 'remote', address, online: true, tokenKept: false });
    // The server has the demo newsroom; this computer's has none.
    expect(await call('setup.status', {})).toMatchObject({ ok: true, result: { initialized: true, demo: true } });
  });

  it('says a wrong password in the server’s sentence and keeps nothing', async () => {
    const answer = await call('auth.login', { username: 'reporter', password: 'wrong-password' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('用户名或密码') } });
    expect(fs.existsSync(tokenFile)).toBe(false);
  });

  it('signs in on the server, keeps the session encrypted, and brings the server’s events to the window', async () => {
    const login = await call('auth.login', { username: 'reporter', password: 'demo1234' });
    expect(login).toMatchObject({ ok: true, result: { user: { username: 'reporter' } } });
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    const kept = fs.readFileSync(tokenFile);
    const token = fake.safeStorage.reveal(kept);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(kept.toString('latin1')).not.toContain(token);
    expect(win.webContents.sent(IPC_CHANNELS.deskChanged).at(-1)).toMatchObject({ mode: 'remote', tokenKept: true });

    await new Promise((done) => setTimeout(done, 500));
    const editor = new RemoteCore({ address, pin });
    const editorLogin = await editor.dispatch(null, 'auth.login', { username: 'editor', password: 'demo1234' });
    const created = await editor.dispatch(editorLogin.session && 'set' in editorLogin.session ? editorLogin.session.set : null, 'articles.create', { headline: '服务器上的新稿' });
    editor.close();
    const articleId = (created.response as { result: { id: string } }).result.id;
    await fake.waitFor(
      () => win.webContents.sent(IPC_CHANNELS.event).some((e) => (e as { articleId?: string }).articleId === articleId),
      'the editor’s story to reach the window',
    );
  });

  it('keeps the kept session when the window closes, and a new window starts signed in with it', async () => {
    win.close();
    fake.app.emit('activate');
    await fake.waitFor(() => fake.FakeBrowserWindow.all.length === 1, 'a new window');
    win = fake.FakeBrowserWindow.all[0]!;
    expect(await call('auth.me', {})).toMatchObject({ ok: true, result: { user: { username: 'reporter' } } });
  });

  it('goes back to the newsroom on this computer: signed out of the server, nothing kept', async () => {
    const kept = fake.safeStorage.reveal(fs.readFileSync(tokenFile));
    expect(await invoke<DeskReply>(IPC_CHANNELS.deskUseLocal)).toEqual({ ok: true });
    expect(await invoke<DeskConnection>(IPC_CHANNELS.deskConnection)).toEqual({ mode: 'local' });
    expect(fs.existsSync(tokenFile)).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'desk-connection.json'), 'utf8'))).toEqual({ mode: 'local' });
    expect(await call('setup.status', {})).toMatchObject({ ok: true, result: { initialized: false } });
    // The session on the server has ended too, not just been forgotten here.
    const check = new RemoteCore({ address, pin });
    const after = await check.dispatch(kept, 'auth.me', {});
    check.close();
    expect(after.response).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
