import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from './fakeElectron';

vi.mock('electron', async () => await import('./fakeElectron'));

// A data folder whose database is not SQLite: main.ts must show the core's
// sentence, quit with an error, open no window and leave the file as it was.

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-main-fail-'));
const dataDir = path.join(temp, 'data');
const dbFile = path.join(dataDir, 'newsroom.db');
const foreign = Buffer.from('这不是数据库，而是一份误放的文本文件。\n'.repeat(50), 'utf8');
const savedArgv = process.argv;

beforeAll(async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(dbFile, foreign);
  fake.app.setPath('appData', path.join(temp, 'appData'));
  process.argv = [...savedArgv, `--data-dir=${dataDir}`];
  await import('../../../electron/desktop/main');
  await fake.waitFor(() => fake.app.exitCode !== null, 'the app to exit');
});

afterAll(() => {
  process.argv = savedArgv;
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('when the data folder cannot be opened', () => {
  it('shows the core’s sentence in an error box and exits non-zero', () => {
    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = fake.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('无法打开编辑部数据');
    expect(message).toContain('不是 SQLite 数据库');
    expect(fake.app.exitCode).toBe(1);
  });

  it('opens no window and registers no IPC', () => {
    expect(fake.FakeBrowserWindow.all).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('leaves the file byte for byte as it was, with nothing added beside it', () => {
    expect(fs.readFileSync(dbFile).equals(foreign)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual(['newsroom.db']);
  });
});
