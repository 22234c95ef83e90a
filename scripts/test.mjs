#!/usr/bin/env node
// The README's test command: typecheck, unit and component tests, end-to-end specs,
// then one summary line CI can read: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// One project per layer (tsconfig.shared/core/desktop/renderer.json): a DOM global in the core or a
// Node import in shared/ or the renderer does not compile.
const tscStatus = run('typecheck, layer by layer', bin('tsc'), ['-b', 'tsconfig.json']);
totals[tscStatus === 0 ? 'passed' : 'failed'] += 1;

// What the compiler cannot check: import circles, which layer imports which, unhandled promises.
const lintStatus = run('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']);
totals[lintStatus === 0 ? 'passed' : 'failed'] += 1;

// Built once up front: the desktop protocol test serves the real bundle, and the end-to-end hosts reuse it.
const buildStatus = run('build the renderer', bin('vite'), ['build', '--logLevel', 'warn']);
totals[buildStatus === 0 ? 'passed' : 'failed'] += 1;

const vitestJson = path.join(reportDir, 'vitest.json');
const vitestStatus = run('unit and component tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else if (vitestStatus !== 0) {
  totals.failed += 1;
}

const playwrightJson = path.join(reportDir, 'playwright.json');
const playwrightStatus = run('end-to-end specs (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
if (fs.existsSync(playwrightJson)) {
  const stats = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')).stats ?? {};
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  totals.skipped += stats.skipped ?? 0;
  if (playwrightStatus !== 0 && (stats.unexpected ?? 0) === 0) totals.failed += 1;
} else if (playwrightStatus !== 0) {
  totals.failed += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
