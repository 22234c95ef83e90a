import { createHash } from 'node:crypto';
import path from 'node:path';

const NATIVE_BINDING_RELATIVE = path.join('native', 'electron', 'better_sqlite3.node');

/**
 * The folder holding package.json: the project in development, the asar when
 * packaged. Found by walking up from the running code rather than with
 * app.getAppPath(), which depends on how Electron was launched (a folder or a
 * script path), and so that the bundle (dist-electron/) and the sources
 * (electron/desktop/) agree.
 */
export function findAppRoot(startDir: string, exists: (file: string) => boolean): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (exists(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`在 ${startDir} 及其上级文件夹中找不到 package.json`);
    dir = parent;
  }
}

/**
 * The Electron-ABI build of better-sqlite3 made by scripts/native-electron.mjs.
 * Packaged, it sits in resources/ outside the asar (a .node file cannot be
 * loaded from inside one). Undefined when absent: the core then falls back to
 * node_modules, which holds the Node build and fails with a clear ABI error.
 */
export function nativeBindingPath(options: {
  isPackaged: boolean;
  appRoot: string;
  resourcesPath: string;
  exists: (file: string) => boolean;
}): string | undefined {
  const base = options.isPackaged ? options.resourcesPath : options.appRoot;
  const candidate = path.join(base, NATIVE_BINDING_RELATIVE);
  return options.exists(candidate) ? candidate : undefined;
}

/**
 * Chromium's profile (and Electron's single-instance lock, which lives in it)
 * gets its own folder per data folder: two windows on one database are
 * refused, two different data folders (e.g. tests) may run side by side, and a
 * read-only data folder still leaves Chromium a writable place.
 */
export function chromiumProfileDir(appDataDir: string, dataDir: string): string {
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(appDataDir, 'newsroom-desk-chromium', key);
}
