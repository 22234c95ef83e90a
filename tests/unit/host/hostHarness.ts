import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { openCore, type Core } from '../../../electron/core/core';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { tempDataDir } from '../../support/hostProcess';

/** The browser host in this process, on the demo newsroom, serving a small static folder of its own. */
export interface InProcessHost {
  core: Core;
  host: RunningHost;
  staticDir: string;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startInProcessHost(options: { bind?: string; publicNames?: string[]; wrapCore?: (core: Core) => Core } = {}): Promise<InProcessHost> {
  const core = await openCore({ dataDir: tempDataDir(), demo: true });
  const staticDir = tempDataDir('newsroom-static-');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>编辑部</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-abc.js'), 'console.log(1);\n//# sourceMappingURL=index-abc.js.map\n');
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["../../renderer/src/secret.ts"]}');
  const host = await startHost({
    core: options.wrapCore ? options.wrapCore(core) : core,
    staticDir,
    host: options.bind ?? '127.0.0.1',
    port: 0,
    publicNames: options.publicNames ?? [],
  });
  return {
    core,
    host,
    staticDir,
    async login(username, password = 'demo1234') {
      const res = await fetch(`${host.url}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
        body: JSON.stringify({ method: 'auth.login', input: { username, password } }),
      });
      const cookie = res.headers.get('set-cookie');
      if (!cookie) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
      return cookie.split(';')[0]!;
    },
    async close() {
      await host.close();
      await core.close();
    },
  };
}

export async function apiCall(url: string, cookie: string, method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: { code: string; message: string } } }> {
  const res = await fetch(`${url}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', Cookie: cookie },
    body: JSON.stringify({ method, input }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** A server-sent event stream read as a browser's EventSource would, keeping every frame it got. */
export interface OpenStream {
  status: number;
  frames: string[];
  ended: Promise<void>;
  isEnded(): boolean;
  close(): void;
}

export function openStream(url: string, cookie: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/events`, { headers: { Cookie: cookie }, agent: false }, (res) => {
      const frames: string[] = [];
      let buffer = '';
      let ended = false;
      const endedPromise = new Promise<void>((done) => {
        const finish = () => {
          ended = true;
          done();
        };
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          frames.push(buffer.slice(0, at));
          buffer = buffer.slice(at + 2);
        }
      });
      resolve({ status: res.statusCode ?? 0, frames, ended: endedPromise, isEnded: () => ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await sleep(10);
  }
}
