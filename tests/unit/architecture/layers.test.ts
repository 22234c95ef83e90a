import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../../support/sourceImports';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Imports of `files` that resolve into one of `forbiddenDirs` or match `forbiddenBare`. */
function violations(layer: string, forbiddenDirs: string[], forbiddenBare: (specifier: string) => boolean): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, layer))) {
    for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
      const relative = specifier.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), specifier)) : null;
      const intoForbidden = relative !== null && forbiddenDirs.some((dir) => relative === dir || relative.startsWith(dir + path.sep));
      if (intoForbidden || (relative === null && forbiddenBare(specifier))) out.push(`${path.relative(ROOT, file)} → ${specifier}`);
    }
  }
  return out;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const NODE_BUILTIN = (s: string) => s.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util'].includes(s);

describe('the layers of architecture.md, enforced', () => {
  it('shared/ is pure: no Node built-ins, no electron, nothing from electron/ or renderer/', () => {
    expect(violations('shared', ['electron', 'renderer'], (s) => NODE_BUILTIN(s) || s === 'electron' || s.startsWith('react'))).toEqual([]);
  });

  it('shared/ uses no DOM globals', () => {
    const offenders = sourceFiles(path.join(ROOT, 'shared')).filter((file) =>
      /\b(document|window|localStorage|navigator)\s*\./.test(withoutComments(fs.readFileSync(file, 'utf8'))),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the renderer reaches the main side only through the API client: nothing from electron/, no Node built-ins', () => {
    expect(violations('renderer', ['electron'], (s) => NODE_BUILTIN(s) || s === 'electron' || s === 'better-sqlite3')).toEqual([]);
  });

  it('the Node core never imports the renderer or the desktop glue', () => {
    expect(violations(path.join('electron', 'core'), ['renderer', path.join('electron', 'desktop'), path.join('electron', 'host')], () => false)).toEqual([]);
  });

  it('the checker itself catches a forbidden import', () => {
    const probeDir = path.join(ROOT, 'shared', '__layer_probe__');
    fs.mkdirSync(probeDir, { recursive: true });
    try {
      fs.writeFileSync(path.join(probeDir, 'probe.ts'), "import fs from 'node:fs';\nimport { x } from '../../electron/core/core';\n");
      const found = violations('shared', ['electron', 'renderer'], NODE_BUILTIN);
      expect(found).toEqual([`shared/__layer_probe__/probe.ts → node:fs`, `shared/__layer_probe__/probe.ts → ../../electron/core/core`]);
    } finally {
      fs.rmSync(probeDir, { recursive: true, force: true });
    }
  });
});
