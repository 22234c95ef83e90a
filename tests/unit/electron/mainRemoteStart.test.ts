import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/api/bridge';
import type { DeskConnection } from '../../../shared/api/desk';
import type { ApiResponse } from '../../../shared/api/errors';
import { startServerProcess, tempDataDir, type HostProcess } from '../../support/hostProcess';
import * as fake from './fakeElectron';

vi.mock('electron', async () => await import('./fakeElectron'));

// A desktop that chose a newsroom server on an earlier start, on a computer without a key store:
// it starts against the server without opening a local database, and keeps no session on disk.

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-main-remote-start-'));
const dataDir = path.join(temp, 'data');
const savedArgv = process.argv;
let win: fake.FakeBrowserWindow;
let server: HostProcess;

const call = (method: string, input: unknown) => fake.ipcMain.handlers.get(IPC_CHANNELS.call)!(fake.ipcEventFrom(win), method, input) as Promise<ApiResponse>;

beforeAll(async () => {
  server = await startServerProcess(tempDataDir(), ['--demo']);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'desk-connection.json'), JSON.stringify({ mode: 'remote', address: server.url, pin: null }));
  fake.safeStorage.available = false;
  fake.app.setPath('appData', path.join(temp, 'appData'));
  fake.app.setPath('documents', path.join(temp, 'documents'));
  process.argv = [...savedArgv, '--data-dir', dataDir];
  await import('../../../electron/desktop/main');
  await fake.waitFor(() => fake.FakeBrowserWindow.all.length === 1, 'the main window');
  win = fake.FakeBrowserWindow.all[0]!;
}, 120_000);

afterAll(async () => {
  process.argv = savedArgv;
  fake.safeStorage.available = true;
  await server?.stop();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('starting against the newsroom server chosen before', () => {
  it('opens no local database and sends the window’s calls to the server', async () => {
    expect(fs.existsSync(path.join(dataDir, 'newsroom.db'))).toBe(false);
    const connection = (await fake.ipcMain.handlers.get(IPC_CHANNELS.deskConnection)!(fake.ipcEventFrom(win))) as DeskConnection;
    expect(connection).toEqual({ mode: 'remote', address: server.url, online: true, tokenKept: false });
    expect(await call('setup.status', {})).toMatchObject({ ok: true, result: { initialized: true } });
  });

  it('without encryption, signs in for this run only: nothing is written, and the window is told so', async () => {
    expect(await call('auth.login', { username: 'chief', password: 'demo1234' })).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(dataDir, 'server-session.bin'))).toBe(false);
    expect(fs.readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(win.webContents.sent(IPC_CHANNELS.deskChanged).at(-1)).toMatchObject({ mode: 'remote', tokenKept: false });
    expect(await call('auth.me', {})).toMatchObject({ ok: true, result: { user: { username: 'chief' } } });
  });

  it('says in a sentence that the server is gone, and the status turns 离线', async () => {
    await server.stop();
    const answer = await call('auth.me', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining(`无法连接到编辑部服务器 ${server.url}`) } });
    expect(win.webContents.sent(IPC_CHANNELS.deskChanged).at(-1)).toMatchObject({ mode: 'remote', online: false });
  });
});
