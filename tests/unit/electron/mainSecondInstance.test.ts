import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from './fakeElectron';

vi.mock('electron', async () => await import('./fakeElectron'));

// A second launch on the same data folder: Electron refuses it the lock, and
// it must quit before touching the database (the first instance gets focus
// through its 'second-instance' event).

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-main-second-'));
const dataDir = path.join(temp, 'data');
const savedArgv = process.argv;

beforeAll(async () => {
  fake.app.setPath('appData', path.join(temp, 'appData'));
  fake.app.singleInstance = false;
  process.argv = [...savedArgv, '--data-dir', dataDir];
  await import('../../../electron/desktop/main');
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(() => {
  process.argv = savedArgv;
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('a second instance', () => {
  it('quits without opening the database or a window', () => {
    expect(fake.app.quitCalls).toBe(1);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
