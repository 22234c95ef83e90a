import fs from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function targets(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

describe('electron-builder.yml', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really checked by that validation (a misspelt key is refused)', async () => {
    const misspelt = { ...config, npmRebuilds: false } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/npmRebuilds/);
  });

  it('flips the security fuses in the packaged binary: no running as Node, no NODE_OPTIONS or inspector, encrypted cookies, only the integrity-checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is refused by the validation when a fuse is misspelt, so the fuses above are really read', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('never rebuilds native modules itself (the Electron build comes from scripts/native-electron.mjs)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('ships the Electron-ABI better-sqlite3 outside the asar where main.ts looks for it', () => {
    expect(config.extraResources).toEqual([
      { from: 'native/electron', to: 'native/electron', filter: ['better_sqlite3.node'] },
    ]);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asar).toBe(true);
  });

  it('packs the renderer, the bundles and package.json, without the Node build of better-sqlite3', () => {
    const filters = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    expect(filters).toEqual(
      expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json', '!node_modules/better-sqlite3/build/**']),
    );
  });

  it('names the product in Chinese and builds the agreed installers', () => {
    expect(config.productName).toBe('编辑部桌面系统');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
  });

  it('pins the Electron version to the installed one and keeps output out of dist/', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(config.electronVersion).toBe(installed.version);
    expect(config.directories?.output).toBe('release');
  });

  it('has the 512×512 app icon in its build resources', () => {
    const icon = fs.readFileSync(path.join(ROOT, config.directories?.buildResources ?? 'build', 'icon.png'));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBe(512);
    expect(icon.readUInt32BE(20)).toBe(512);
  });
});
