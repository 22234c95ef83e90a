import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The desktop bundle, loaded under Node with `electron` stubbed: every bundled module must
 * evaluate (a bundled pdfkit once threw at load, reading its data files through an empty
 * import.meta), and start-up must open the data folder with the core's background thread running.
 */
describe('the desktop main bundle', () => {
  it('loads and opens the data folder', async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bundle-'));
    const child = spawn(process.execPath, ['--require', path.join(ROOT, 'tests/support/electronStub.cjs'), path.join(ROOT, 'dist-electron/main.cjs'), '--data-dir', dataDir], {
      cwd: os.tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 20_000;
      while (!fs.existsSync(path.join(dataDir, DB_FILE_NAME)) && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Long enough for the checkpoint thread to load better-sqlite3 and report a failure.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(child.exitCode, stderr).toBeNull();
      expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(true);
      expect(stderr).toBe('');
    } finally {
      child.kill();
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
