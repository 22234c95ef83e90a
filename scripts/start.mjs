// `npm start`: builds the renderer and the Electron bundles, then opens the
// desktop app. Where the Electron runtime is missing and cannot be downloaded
// (offline machines, CI), it says so in one sentence and starts the browser
// version on the same data folder instead. Arguments are passed through:
//   npm start -- --data-dir DIR
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const userArgs = process.argv.slice(2);
// Children run where the user ran us, so a relative --data-dir means what they typed.
const userCwd = process.cwd();

// Mirrors node_modules/electron/index.js, which must not be required to ask:
// when the binary is missing it starts a download itself and prints a stack trace.
function findElectronBinary() {
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative) : path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** electron 45 has no postinstall: its `install-electron` bin (install.js) downloads the runtime. */
function installElectron() {
  console.log('正在下载 Electron 运行时（约 100 MB，只需下载一次）…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  return result.status === 0 ? findElectronBinary() : null;
}

function runChild(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: userCwd, stdio: 'inherit', env });
  // Ctrl+C reaches the child directly (same process group); a SIGTERM sent to us is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowserHost(reason) {
  console.log(`${reason}，改为启动浏览器版：`);
  const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  runChild(process.execPath, [tsxCli, path.join(root, 'electron', 'host', 'serveCli.ts'), ...userArgs]);
}

async function main() {
  try {
    // vite.config.ts names its root ('renderer') relative to the working folder; an inline `root` would override it.
    process.chdir(root);
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    console.error(`界面构建失败：${error?.message ?? error}`);
    process.exit(1);
  }

  const electron = findElectronBinary() ?? installElectron();
  if (electron === null) {
    startBrowserHost('未能下载 Electron 运行时（无法联网）');
    return;
  }

  try {
    await buildElectron();
  } catch {
    console.error('Electron 主进程构建失败，错误见上方输出。');
    process.exit(1);
  }
  const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'native-electron.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (native.status !== 0) {
    startBrowserHost('未能准备 Electron 版数据库模块');
    return;
  }

  const env = { ...process.env };
  // Set by some tool chains; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  runChild(electron, [root, ...userArgs], env);
}

await main();
