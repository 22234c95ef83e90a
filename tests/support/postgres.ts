import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries, initdb into a
 * temp folder, listening on a free port on 127.0.0.1 only. PostgreSQL refuses to run as root, so
 * when the tests run as root the cluster belongs to (and runs as) the `postgres` system user the
 * Debian package creates.
 */
export interface TestCluster {
  /** postgres://… for the named database. */
  url(database?: string): string;
  /** Runs SQL as the superuser on the `postgres` database (CREATE DATABASE and the like). */
  admin(sql: string): void;
  /** 'immediate' (the default) for throwaway clusters; 'fast' writes everything out, for a cluster kept to start again. */
  stop(mode?: 'immediate' | 'fast'): void;
  /** Takes the server down (as a crash would, with `immediate`) and keeps its files, to `resume` on the same port. */
  halt(mode?: 'immediate' | 'fast'): void;
  resume(): void;
  dataDir: string;
  port: number;
}

const SUPERUSER = 'newsroom';

export function postgresBinDir(): string | null {
  const fromEnv = process.env['NEWSROOM_PG_BIN'];
  if (fromEnv) return fs.existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Starts a cluster; fsync is off unless `durable` (tests need speed, benchmarks honest figures). */
export async function startCluster(options: { durable?: boolean; dataDir?: string } = {}): Promise<TestCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('找不到 PostgreSQL 15 或更高版本（/usr/lib/postgresql/*/bin）：请安装 Debian 的 postgresql 软件包（apt-get install -y postgresql）。');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pg-'));
  fs.chmodSync(base, 0o755);
  const dataDir = options.dataDir ?? path.join(base, 'data');
  const socketDir = path.join(base, 'socket');
  fs.mkdirSync(socketDir);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', base]);
  const initialized = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialized) {
    run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']);
  }
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=${socketDir}`,
    `-c max_connections=300`,
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const pgCtl = (args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const start = () => pgCtl(['-o', settings, '-l', path.join(base, 'server.log'), '-w', '-t', '60', 'start']);
  start();
  const url = (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    dataDir,
    port,
    admin(sql) {
      run(path.join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', 'postgres', '-c', sql]);
    },
    halt(mode = 'immediate') {
      pgCtl(['-m', mode, '-w', 'stop']);
    },
    resume: start,
    stop(mode = 'immediate') {
      if (stopped) return;
      stopped = true;
      try {
        if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) pgCtl(['-m', mode, '-w', 'stop']);
      } finally {
        // The socket, the log and (unless it was given) the data folder; a given data folder is kept.
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
