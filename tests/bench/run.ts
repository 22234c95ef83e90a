import { BENCHES } from './registry';

/**
 * `npm run bench [-- --json] [--only TEXT]`: each benchmark prints its figures; with --json
 * the last line is one JSON object, metric name → number. `--only` runs the entries whose
 * name contains TEXT.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] ?? '' : '';
  const results: Record<string, number> = {};
  for (const [name, bench] of BENCHES.filter(([entry]) => entry.includes(only))) {
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
