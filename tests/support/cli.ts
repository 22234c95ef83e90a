import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { ROOT } from './hostProcess';

/** `npm run cli -- ARGS` as a user runs it, from the repository root. */
export function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One plain line on stderr, a non-zero exit, no stack trace. */
export function refused(run: ReturnType<typeof cli>, message: string | RegExp) {
  expect(run.status).not.toBe(0);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat \S+:\d+|Error:/);
}
