import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/dataDir';
import { isLoopbackAddress } from './security';
import { fail, runHost } from './runHost';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '5780' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean', default: false },
        host: { type: 'string', default: '127.0.0.1' },
        'allow-remote': { type: 'boolean', default: false },
        'public-name': { type: 'string', multiple: true, default: [] },
        debug: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`参数错误：${(error as Error).message}。用法：npm run serve -- [--port N] [--data-dir DIR] [--demo] [--host ADDR --allow-remote [--public-name NAME]]`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口号无效：${values.port}（应为 0–65535 的整数）`);
  if (!isLoopbackAddress(values.host) && !values['allow-remote']) {
    fail(`出于安全考虑，浏览器版只在本机地址（127.0.0.1）上提供服务。若确需让其他电脑访问 ${values.host}，请同时加上 --allow-remote。`);
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const { host } = await runHost({ dataDir, demo: values.demo }, { host: values.host, port, publicNames: values['public-name'] }, '浏览器版服务');
  process.stdout.write(`编辑部桌面系统（浏览器版）已启动，数据文件夹：${dataDir}\n${host.url}\n`);
  if (!isLoopbackAddress(values.host)) {
    const names = [...host.allowedHosts].filter((name) => !/^(localhost|127\.|\[::1\])/.test(name));
    process.stdout.write(`其他电脑可用这些地址访问：${names.map((name) => `http://${name}`).join('  ')}\n`);
  }
}

main().catch((error: unknown) => {
  if (process.argv.includes('--debug')) console.error(error);
  fail(`浏览器版服务意外停止：${(error as Error).message}`);
});
