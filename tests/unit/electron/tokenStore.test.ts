import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenStore } from '../../../electron/desktop/tokenStore';
import { safeStorage } from './fakeElectron';

const TOKEN = 'Zt1x_-abcdefghijklmnopqrstuvwxyz0123456789AB';

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-token-')), 'server-session.bin');
}

afterEach(() => {
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});

describe('the server session kept with safeStorage', () => {
  it('keeps the token encrypted (never in plain text), reads it back, and forgets it on sign-out', async () => {
    const file = tempFile();
    const store = new TokenStore(file, safeStorage, 'linux');
    expect(await store.save(TOKEN)).toBe(true);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.toString('latin1')).not.toContain(TOKEN);
    expect(safeStorage.reveal(onDisk)).toBe(TOKEN);
    // Written by rename: no temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['server-session.bin']);
    expect(await new TokenStore(file, safeStorage, 'linux').load()).toBe(TOKEN);
    expect(await store.save(null)).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('keeps nothing where encryption is unavailable, and removes what an earlier start kept', async () => {
    const file = tempFile();
    await new TokenStore(file, safeStorage, 'win32').save(TOKEN);
    safeStorage.available = false;
    const store = new TokenStore(file, safeStorage, 'win32');
    expect(await store.canKeep()).toBe(false);
    expect(await store.load()).toBeNull();
    expect(await store.save(TOKEN)).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('does not count Chromium’s built-in key on Linux (basic_text) as encryption', async () => {
    safeStorage.backend = 'basic_text';
    const file = tempFile();
    const store = new TokenStore(file, safeStorage, 'linux');
    expect(await store.save(TOKEN)).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('drops a kept file that no longer decrypts (another user’s key, a damaged file) instead of failing', async () => {
    const file = tempFile();
    fs.writeFileSync(file, 'not encrypted by us');
    expect(await new TokenStore(file, safeStorage, 'darwin').load()).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });
});
