import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/dataDir';
import { fail, runHost } from '../host/runHost';

const USAGE =
  'npm run server -- [--port N] [--host ADDR] [--database postgres://… | --data-dir DIR] [--tls-cert FILE --tls-key FILE] [--public-name NAME] [--demo] [--quiet]';

function readTlsFile(file: string, what: string): Buffer {
  try {
    const text = fs.readFileSync(file);
    if (!text.includes('-----BEGIN ')) fail(`${what}文件 ${file} 不是 PEM 格式（应以 -----BEGIN 开头）。`);
    return text;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') fail(`找不到${what}文件：${file}`);
    throw error;
  }
}

/**
 * The newsroom server: the same core and API as the browser host, for every desk on the network —
 * on PostgreSQL (`--database`) for a newsroom of any size and several processes, or on the embedded
 * SQLite store (`--data-dir`) for a small paper with nothing else installed. It serves the interface
 * too, so a desk without the desktop app signs in from a browser.
 */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '5790' },
        host: { type: 'string', default: '0.0.0.0' },
        database: { type: 'string' },
        'data-dir': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'public-name': { type: 'string', multiple: true, default: [] },
        demo: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`参数错误：${(error as Error).message}。用法：${USAGE}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口号无效：${values.port}（应为 0–65535 的整数）`);
  const database = values.database;
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) fail(`--database 应为 PostgreSQL 地址（postgres://用户@主机:端口/数据库），收到：${database}`);
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) fail('--tls-cert 和 --tls-key 要一起给出（证书和它的私钥）。');
  const tls =
    values['tls-cert'] && values['tls-key'] ? { cert: readTlsFile(values['tls-cert'], '证书'), key: readTlsFile(values['tls-key'], '私钥') } : undefined;
  // Photo files live in the data folder whichever store holds the rest: several processes share one (a network folder).
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const log = values.quiet ? undefined : (entry: object) => process.stdout.write(`${JSON.stringify(entry)}\n`);

  const { host } = await runHost(
    { dataDir, demo: values.demo, ...(database ? { database } : {}) },
    { host: values.host, port, publicNames: values['public-name'], server: true, ...(tls ? { tls } : {}), ...(log ? { log } : {}) },
    '编辑部服务器',
  );
  const store = database ? `PostgreSQL（${database.replace(/\/\/[^@/]*@/, '//')}）` : `SQLite（${dataDir}）`;
  process.stdout.write(`编辑部服务器已启动，数据：${store}\n${host.url}\n`);
  const names = [...host.allowedHosts].filter((name) => !/^(localhost|127\.|\[::1\])/.test(name));
  if (names.length > 0) process.stdout.write(`各编辑部电脑可用这些地址访问：${names.map((name) => `${tls ? 'https' : 'http'}://${name}`).join('  ')}\n`);
  if (!tls) process.stdout.write('注意：未启用 TLS，密码和稿件以明文在网络上传输。局域网之外请务必加上 --tls-cert 和 --tls-key。\n');
}

main().catch((error: unknown) => {
  if (process.argv.includes('--debug')) console.error(error);
  fail(`编辑部服务器意外停止：${(error as Error).message}`);
});
