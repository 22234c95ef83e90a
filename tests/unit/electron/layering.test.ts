import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../../support/sourceImports';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function isElectron(specifier: string): boolean {
  return specifier === 'electron' || specifier.startsWith('electron/');
}

function electronImports(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(fs.readFileSync(file, 'utf8'))
      .filter(isElectron)
      .map((specifier) => `${path.relative(ROOT, file)} imports ${specifier}`),
  );
}

describe('layering: only electron/desktop may import electron', () => {
  it('recognises every import form it must catch', () => {
    const sample = [
      "import { app } from 'electron';",
      'import type { WebPreferences } from "electron";',
      "export { ipcMain } from 'electron/main';",
      "const { shell } = require('electron');",
      "const mod = await import('electron');",
      "import electron = require('electron');",
      "import './side-effect';",
      "import { x } from '../electron-helpers';",
    ].join('\n');
    expect(importsOf(sample).filter(isElectron)).toEqual([
      'electron',
      'electron',
      'electron/main',
      'electron',
      'electron',
      'electron',
    ]);
  });

  it.each(['electron/core', 'shared', 'renderer'])('%s never imports electron', (dir) => {
    const files = sourceFiles(path.join(ROOT, dir));
    expect(files.length, `${dir} has source files`).toBeGreaterThan(0);
    expect(electronImports(files)).toEqual([]);
  });

  it('nothing else under electron/ (browser host, CLI) imports electron', () => {
    const desktop = path.join(ROOT, 'electron', 'desktop') + path.sep;
    const others = sourceFiles(path.join(ROOT, 'electron')).filter((file) => !file.startsWith(desktop));
    expect(electronImports(others)).toEqual([]);
  });
});
