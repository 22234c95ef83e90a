import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HostProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempDataDir(prefix = 'newsroom-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts `npm run serve`'s entry point on a free port and waits for the URL line. */
export function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<HostProcess> {
  return startProcess('electron/host/serveCli.ts', dataDir, extraArgs);
}

/** Starts `npm run server`'s entry point on 127.0.0.1 and a free port (on PostgreSQL with `--database`); quiet unless `log`. */
export function startServerProcess(dataDir: string, extraArgs: string[] = [], options: { log?: boolean } = {}): Promise<HostProcess> {
  return startProcess('electron/server/serverCli.ts', dataDir, ['--host', '127.0.0.1', ...(options.log ? [] : ['--quiet']), ...extraArgs]);
}

function startProcess(entry: string, dataDir: string, extraArgs: string[]): Promise<HostProcess> {
  // One process, not tsx's wrapper: a SIGKILL must reach the process that owns the database.
  const child = spawn(process.execPath, ['--import', 'tsx', entry, '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 60_000);
    const check = () => {
      const match = /https?:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({
        url: match[0],
        dataDir,
        child,
        output: () => out,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}`));
    });
  });
}
