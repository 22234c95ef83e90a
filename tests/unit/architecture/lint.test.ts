import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The lint that `npm test` runs guards the layers and forbids import circles (the per-layer
 * typecheck guards DOM and Node globals). Probe files with one violation each, linted with the
 * project's own configuration, show that each rule fires.
 */
const PROBES: Record<string, string> = {
  'shared/__probe_layer.ts': "import { openCore } from '../electron/core/core';\nexport const probe = openCore;\n",
  'renderer/src/__probe_layer.ts': "import { openCore } from '../../electron/core/core';\nexport const probe = openCore;\n",
  'electron/core/__probe_adapter.ts': "import { startHost } from '../host/server';\nexport const probe = startHost;\n",
  'electron/host/__probe_electron.ts': "import { app } from 'electron';\nexport const probe = app;\n",
  'electron/core/__probe_cycle_a.ts': "import { b } from './__probe_cycle_b';\nexport const a = (): unknown => b;\n",
  'electron/core/__probe_cycle_b.ts': "import { a } from './__probe_cycle_a';\nexport const b = (): unknown => a;\n",
  'electron/core/__probe_promise.ts': 'async function save(): Promise<void> {}\nexport function probe(): void {\n  save();\n}\n',
};

afterAll(() => {
  for (const file of Object.keys(PROBES)) fs.rmSync(path.join(ROOT, file), { force: true });
});

describe('the lint npm test runs', () => {
  it('refuses a wrong-layer import, an adapter in the core, electron outside the desktop, a circle and a forgotten await', async () => {
    for (const [file, source] of Object.entries(PROBES)) fs.writeFileSync(path.join(ROOT, file), source);
    const results = await new ESLint({ cwd: ROOT }).lintFiles(Object.keys(PROBES));
    const found = Object.fromEntries(results.map((r) => [path.relative(ROOT, r.filePath), r.messages.map((m) => m.ruleId)]));
    expect(found).toEqual({
      'shared/__probe_layer.ts': ['import-x/no-restricted-paths'],
      'renderer/src/__probe_layer.ts': ['import-x/no-restricted-paths'],
      'electron/core/__probe_adapter.ts': ['import-x/no-restricted-paths'],
      'electron/host/__probe_electron.ts': ['no-restricted-imports'],
      'electron/core/__probe_cycle_a.ts': ['import-x/no-cycle'],
      'electron/core/__probe_cycle_b.ts': ['import-x/no-cycle'],
      'electron/core/__probe_promise.ts': ['@typescript-eslint/no-floating-promises'],
    });
  }, 120_000);
});
