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
      // Only our own code is bundled; every package stays a real require from node_modules (which the
      // packaged app ships). Packages find their own files at run time — better-sqlite3's and sharp's
      // .node bindings, pdfkit's fonts and colour profile — which inside a bundle they cannot.
      packages: 'external',
      // The core resolves better-sqlite3 for its checkpoint thread from import.meta.url, which CommonJS lacks.
      banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__importMetaUrl' },
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
