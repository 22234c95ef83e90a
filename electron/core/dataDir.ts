import os from 'node:os';
import path from 'node:path';

const APP_FOLDER_NAME = 'newsroom-desk';

/** The platform's user-data folder, the same place Electron's app.getPath('userData') points to. */
export function defaultDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_FOLDER_NAME);
  }
}

/** `--data-dir DIR` or `--data-dir=DIR`; null when absent. */
export function parseDataDirArg(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      return value && !value.startsWith('--') ? path.resolve(value) : null;
    }
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  return null;
}
