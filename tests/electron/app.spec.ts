import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Same lookup as scripts/start.mjs. Requiring `electron` to ask would start a
// download when the binary is missing, and Playwright's own default does that.
function electronBinary(): string | null {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
  } catch {
    return null;
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? path.join(override, relative) : path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.skip(
  binary === null,
  'Electron 运行时未安装（node_modules/electron/dist 不存在，本机无法下载），桌面窗口无法启动：此用例未运行，不算通过。在能联网的机器上运行 `npx install-electron` 后再试。',
);

function runScript(script: string): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script)], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status, `${script}: ${result.stdout}${result.stderr}`).toBe(0);
}

test.describe('desktop app', () => {
  let dataDir: string;
  let app: ElectronApplication | null = null;

  test.beforeAll(() => {
    // Fresh bundles, and better-sqlite3 built for Electron's ABI (a no-op when up to date).
    runScript('build-electron.mjs');
    runScript('native-electron.mjs');
  });

  test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-electron-'));
  });

  test.afterEach(async () => {
    await app?.close();
    app = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the first-run screen in a locked-down window on a fresh data folder', async () => {
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'dist-electron', 'main.cjs'), '--data-dir', dataDir],
      cwd: ROOT,
    });
    const page = await app.firstWindow();

    await expect(page).toHaveTitle('编辑部桌面系统');
    expect(page.url()).toBe('app://newsroom/index.html');
    await expect(page.getByRole('heading', { name: '欢迎使用编辑部桌面系统' })).toBeVisible();
    await expect(page.getByLabel('报纸名称')).toBeVisible();

    // The page sees the bridge and nothing of Node or Electron.
    const surface = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown> & { newsroom?: Record<string, unknown> };
      return {
        require: typeof scope['require'],
        process: typeof scope['process'],
        bridge: Object.keys(scope.newsroom ?? {}).sort(),
        host: scope.newsroom?.['host'],
      };
    });
    expect(surface).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['call', 'host', 'onBeforeClose', 'onEvent', 'onMenuCommand', 'openFile', 'saveFile'],
      host: 'desktop',
    });

    // The bridge reaches the real core on the temp data folder.
    const status = await page.evaluate(() =>
      (globalThis as unknown as { newsroom: { call(m: string, i: unknown): Promise<unknown> } }).newsroom.call('setup.status', {}),
    );
    expect(status).toMatchObject({ ok: true, result: { initialized: false } });
    expect(fs.existsSync(path.join(dataDir, 'newsroom.db'))).toBe(true);

    // Every response carries the CSP: an inline script is refused.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.appendChild(script);
      return (globalThis as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);

    // window.open is denied: no second window appears (web links would go to the OS browser instead).
    expect(await page.evaluate(() => window.open('app://newsroom/index.html') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
