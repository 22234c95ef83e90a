import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDataDir } from '../../support/hostProcess';
import { openHarness } from '../../support/coreHarness';
import { IPTC_REFERENCE, jpeg } from './photoFixtures';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'photo', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch: string;
let folder: string;
beforeAll(async () => {
  scratch = tempDataDir('newsroom-photo-cli-');
  // Chinese characters and spaces in every part of the path.
  folder = path.join(scratch, '来稿 图片');
  fs.mkdirSync(folder);
  fs.copyFileSync(IPTC_REFERENCE, path.join(folder, 'IPTC 参考图.jpg'));
  fs.writeFileSync(path.join(folder, '现场 照片.jpg'), await jpeg(400, 300));
  fs.writeFileSync(path.join(folder, '截断.jpg'), (await jpeg(800, 600)).subarray(0, 1500));
  fs.writeFileSync(path.join(folder, '说明.jpg'), '这是一段文字，不是图片。');
  fs.writeFileSync(path.join(folder, '空文件.jpg'), '');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('npm run cli -- photo', { timeout: 60_000 }, () => {
  it('inspect --json prints what an import would read, with exactly the documented keys', () => {
    const out = cli('inspect', path.join(folder, 'IPTC 参考图.jpg'), '--json');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const read = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(read)).toEqual(['width', 'height', 'orientation', 'caption', 'creators', 'credit', 'source', 'copyright', 'keywords', 'city', 'province', 'country', 'dateCreated', 'gps']);
    expect(read).toMatchObject({ width: 1000, height: 500, caption: 'The description aka caption (ref2017.1)', credit: 'Credit Line (ref2017.1)', gps: null });
  });

  it('inspect of a broken file: one line, non-zero exit, no stack trace', () => {
    const out = cli('inspect', path.join(folder, '截断.jpg'), '--json');
    expect(out.status).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toEqual(['截断.jpg：图片文件不完整或已损坏，未导入。']);
  });

  it('import reports each file, goes on past refusals and exits 3', async () => {
    const dataDir = path.join(scratch, '数据 文件夹');
    await (await openHarness({ demo: true, dataDir })).close();
    const out = cli('import', folder, '--data-dir', dataDir);
    expect(out.status).toBe(3);
    const lines = out.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('已导入'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('拒收'))).toHaveLength(3);
    expect(lines.at(-1)).toBe('共 5 个文件：导入 2，重复 0，拒收 3');
    expect(out.stderr.trim()).toBe('3 个文件被拒收。');
    const again = cli('import', folder, '--data-dir', dataDir, '--json');
    const files = (JSON.parse(again.stdout) as { files: { status: string }[] }).files;
    expect(files.filter((f) => f.status === 'duplicate')).toHaveLength(2);
  });
});
