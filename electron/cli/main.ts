import { parseArgs } from 'node:util';
import { CliError } from './cliError';
import { COMMANDS } from './commands/index';
import type { CliValues } from './commands/types';

const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    '用法：npm run cli -- <命令> [参数] [--data-dir 文件夹] [--json] [--debug]',
    '命令：',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const name = process.argv[2];
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name === undefined || name === '--help' || name === 'help') {
      process.stdout.write(`${usage()}\n`);
      return;
    }
    throw new CliError(`未知命令：${name}\n${usage()}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(3), allowPositionals: true, options: { ...COMMON_OPTIONS, ...(command.options ?? {}) } });
  } catch (error) {
    throw new CliError(`参数错误：${(error as Error).message}\n用法：${command.usage}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.usage}\n`);
    return;
  }
  await command.run(parsed.positionals, parsed.values as CliValues);
}

main().catch((error: unknown) => {
  if (process.argv.includes('--debug')) console.error(error);
  const message = error instanceof CliError ? error.message : `出错了：${(error as Error).message}`;
  if (message) process.stderr.write(`${message}\n`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
});
