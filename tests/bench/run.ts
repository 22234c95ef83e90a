import { BENCHES } from './registry';

/**
 * `npm run bench [-- --json]`: each benchmark prints its figures; with --json
 * the last line is one JSON object, metric name → number.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const results: Record<string, number> = {};
  for (const [name, bench] of BENCHES) {
    process.stdout.write(`· ${name}…\n`);
    const figures = await bench();
    for (const [metric, value] of Object.entries(figures)) process.stdout.write(`  ${metric} = ${value}\n`);
    Object.assign(results, figures);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`基准测试失败：${(error as Error).message}\n`);
  process.exit(1);
});
