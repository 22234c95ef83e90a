// Bundles the Electron main process and the preload into dist-electron/.
// CommonJS because Electron's sandboxed preload cannot load ES modules, and one
// format for both keeps `__dirname` meaning the same thing in each.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22.
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

export async function buildElectron() {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/desktop/main.ts'],
      outfile: 'dist-electron/main.cjs',
      // Packages with native bindings stay real requires: better-sqlite3's .node file is chosen at run
      // time (nativeBinding), and sharp loads a per-platform .node that a bundle cannot carry.
      external: ['electron', 'better-sqlite3', 'sharp'],
    }),
    build({
      ...common,
      entryPoints: ['electron/desktop/preload.ts'],
      outfile: 'dist-electron/preload.cjs',
      // The sandboxed preload can require only `electron` (and a few Node shims): everything else is inlined.
      external: ['electron'],
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildElectron();
    console.log('已生成 dist-electron/main.cjs 与 dist-electron/preload.cjs');
  } catch {
    // esbuild has already printed each error with its file and line.
    process.exitCode = 1;
  }
}
