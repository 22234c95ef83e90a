import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small RAM filesystem stands in for a full or read-only disk. Mounting
 * needs root (CI and developers run as root here); where it is refused the
 * caller skips with that reason rather than pretending.
 */
export interface Tmpfs {
  dir: string;
  remountReadOnly(): void;
  unmount(): void;
}

export function mountTmpfs(sizeKb: number): Tmpfs | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
  return {
    dir,
    remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }),
  };
}
