import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore, CoreOpenError, type Core, type CoreOptions } from '../core/core';
import { ensureRendererBuilt } from './rendererBuild';
import { startHost, type HostOptions, type RunningHost } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A command line's refusal: one plain line on stderr, and a non-zero exit. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * What the browser host and the newsroom server do alike: open the core (a refusal is one line),
 * build the interface if needed, listen (a port in use is one line), and on SIGINT or SIGTERM stop
 * answering and close the core before exiting.
 */
export async function runHost(
  coreOptions: CoreOptions,
  hostOptions: Omit<HostOptions, 'core' | 'staticDir'>,
  what: string,
): Promise<{ core: Core; host: RunningHost }> {
  let core: Core;
  try {
    core = await openCore(coreOptions);
  } catch (error) {
    if (error instanceof CoreOpenError) fail(error.message);
    throw error;
  }
  if (core.readOnlyReason) process.stdout.write(`注意：${core.readOnlyReason}\n`);
  const staticDir = await ensureRendererBuilt(ROOT, (line) => process.stdout.write(`${line}\n`));
  let host: RunningHost;
  try {
    host = await startHost({ ...hostOptions, core, staticDir });
  } catch (error) {
    await core.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`端口 ${hostOptions.port} 已被占用。请用 --port 换一个端口。`);
    if (code === 'EACCES') fail(`没有权限使用端口 ${hostOptions.port}（1024 以下的端口需要管理员权限）。请用 --port 换一个端口。`);
    fail(`无法启动${what}：${(error as Error).message}`);
  }
  const shutdown = () => {
    void host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return { core, host };
}
