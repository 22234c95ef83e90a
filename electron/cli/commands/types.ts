export interface CliValues {
  'data-dir'?: string;
  json: boolean;
  debug: boolean;
  [option: string]: string | boolean | undefined;
}

/** One CLI command: its options (parsed by node:util parseArgs) and what it does. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  run(args: string[], values: CliValues): Promise<void> | void;
}

export function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}
