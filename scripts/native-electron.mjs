// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node.
//
// node_modules/better-sqlite3/build keeps the Node build the tests load; the
// Electron build is made in a temporary copy of the package and handed to the
// core as `nativeBinding`, so neither build ever overwrites the other.
// Tries the published prebuilt binary first (no compiler needed), then
// compiles against Electron's headers. Both need the internet; without it the
// script says so in one sentence and exits non-zero.
//
// Usage: node scripts/native-electron.mjs [--force]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');
const logFile = path.join(os.tmpdir(), 'newsroom-native-electron.log');

class PlainError extends Error {}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new PlainError(`找不到 ${name}，请先运行 npm install。`);
  }
}

// npm exports the user's config as npm_config_* variables. ~/.npmrc may set
// nodedir=/usr, which makes node-gyp compile against Node's headers while
// labelling the result for Electron; none of these may leak into the build.
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|platform|build_from_source)$/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

function run(label, args, cwd, timeoutMs) {
  const result = spawnSync(process.execPath, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: timeoutMs });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  fs.appendFileSync(logFile, `\n===== ${label}: node ${args.join(' ')}\n${output}\nexit: ${result.status}\n`);
  return { ok: result.status === 0, output };
}

const OFFLINE = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i;

/** Loading an Electron build in Node must fail with Electron's module version; if it loads, it is a Node build. */
function assertElectronAbi(file, abi) {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], {
    encoding: 'utf8',
  });
  if (probe.status === 0 || !`${probe.stderr}`.includes(`NODE_MODULE_VERSION ${abi}`)) {
    fs.appendFileSync(logFile, `\n===== ABI probe\n${probe.stderr}\n`);
    throw new PlainError(`编译出的数据库模块不是 Electron 版（应为 ABI ${abi}），已丢弃（详细记录见 ${logFile}）。`);
  }
}

function main() {
  const electronDir = packageDir('electron');
  const sqliteDir = packageDir('better-sqlite3');
  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  const abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
  const wanted = {
    electron: electronVersion,
    abi,
    betterSqlite3: readJson(path.join(sqliteDir, 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };

  if (!process.argv.includes('--force') && fs.existsSync(outFile) && fs.existsSync(infoFile)) {
    const have = readJson(infoFile);
    if (Object.entries(wanted).every(([key, value]) => have[key] === value)) {
      console.log(`Electron 版数据库模块已是最新（Electron ${electronVersion}，better-sqlite3 ${wanted.betterSqlite3}）。`);
      return;
    }
  }

  fs.writeFileSync(logFile, `better-sqlite3 ${wanted.betterSqlite3} for Electron ${electronVersion} (ABI ${abi}) ${wanted.platform}-${wanted.arch}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-native-'));
  try {
    const pkg = path.join(work, 'better-sqlite3');
    fs.cpSync(sqliteDir, pkg, {
      recursive: true,
      filter: (source) => path.relative(sqliteDir, source).split(path.sep)[0] !== 'build',
    });
    const target = [`--target=${electronVersion}`, `--arch=${process.arch}`];

    console.log(`正在为 Electron ${electronVersion} 准备数据库模块…`);
    const prebuilt = run(
      'prebuild-install',
      [path.join(packageDir('prebuild-install'), 'bin.js'), '--runtime=electron', ...target, `--platform=${process.platform}`, '--verbose'],
      pkg,
      5 * 60_000,
    );
    const compiled = prebuilt.ok
      ? prebuilt
      : run(
          'node-gyp',
          [
            path.join(packageDir('node-gyp'), 'bin', 'node-gyp.js'),
            'rebuild',
            '--release',
            ...target,
            '--dist-url=https://electronjs.org/headers',
            `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
          ],
          pkg,
          20 * 60_000,
        );
    const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (!compiled.ok || !fs.existsSync(built)) {
      if (OFFLINE.test(prebuilt.output) && OFFLINE.test(compiled.output)) {
        throw new PlainError(`未能为 Electron ${electronVersion} 准备数据库模块：无法联网下载预编译模块或 Electron 头文件。`);
      }
      throw new PlainError(`未能为 Electron ${electronVersion} 编译数据库模块（详细记录见 ${logFile}）。`);
    }
    assertElectronAbi(built, abi);

    fs.mkdirSync(outDir, { recursive: true });
    const staging = `${outFile}.tmp`;
    fs.copyFileSync(built, staging);
    fs.renameSync(staging, outFile);
    fs.writeFileSync(infoFile, `${JSON.stringify(wanted, null, 2)}\n`);
    console.log(`已生成 ${path.relative(root, outFile)}（Electron ${electronVersion}，ABI ${abi}）。`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof PlainError ? error.message : `准备 Electron 版数据库模块时出错：${error?.message ?? error}`);
  process.exitCode = 1;
}
