import fs from 'node:fs';
import path from 'node:path';

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the renderer when the bundle is missing or older than its sources; a no-op otherwise. */
export async function ensureRendererBuilt(root: string, log: (line: string) => void): Promise<string> {
  const outDir = path.join(root, 'dist', 'renderer');
  const index = path.join(outDir, 'index.html');
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built > 0 && Math.max(...sources.map(newestMtime)) <= built) return outDir;
  log('正在构建界面（首次启动或代码有更新）…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return outDir;
}
