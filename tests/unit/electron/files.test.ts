import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumProfileDir, findAppRoot, nativeBindingPath } from '../../../electron/desktop/appPaths';
import { writeFileAtomic, writeFileAtomicSync } from '../../../electron/desktop/atomicWrite';
import {
  MAX_OPEN_FILE_BYTES,
  dialogFailure,
  parseOpenFileRequest,
  parseSaveFileRequest,
  readPickedFile,
  safeFileName,
} from '../../../electron/desktop/fileDialogs';
import { describeStartupFailure } from '../../../electron/desktop/startupFailure';
import { CoreOpenError } from '../../../electron/core/errors';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-desktop-'));
  dirs.push(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves nothing else in the folder', async () => {
    const dir = tempDir();
    const target = path.join(dir, '稿件.docx');
    fs.writeFileSync(target, 'old');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
    writeFileAtomicSync(target, 'sync');
    expect(fs.readFileSync(target, 'utf8')).toBe('sync');
    expect(fs.readdirSync(dir)).toEqual(['稿件.docx']);
  });

  it('leaves the old file intact and no temp file when the write fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'keep.txt');
    fs.writeFileSync(target, 'old');
    // Renaming a file over a non-empty folder fails after the temp file was written.
    const blocker = path.join(dir, 'blocker');
    fs.mkdirSync(path.join(blocker, 'inner'), { recursive: true });
    await expect(writeFileAtomic(blocker, 'new')).rejects.toThrow();
    expect(() => writeFileAtomicSync(blocker, 'new')).toThrow();
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir).sort()).toEqual(['blocker', 'keep.txt']);
  });
});

describe('open/save request validation', () => {
  const filters = [{ name: 'Word 文档', extensions: ['docx', 'doc'] }];

  it('accepts well-formed requests', () => {
    expect(parseOpenFileRequest({ title: '导入稿件', filters })).toEqual({ title: '导入稿件', filters });
    const data = new Uint8Array([1]);
    expect(parseSaveFileRequest({ suggestedName: 'a.txt', data, filters })).toEqual({
      title: undefined,
      suggestedName: 'a.txt',
      data,
      filters,
    });
  });

  it.each([
    null,
    { filters: 'docx' },
    { filters: [{ name: 'x', extensions: ['../../etc'] }] },
    { filters: [{ name: 'x', extensions: ['docx;rm'] }] },
    { filters: [{ name: 'x' }] },
    { title: 42, filters },
    { title: 'x'.repeat(201), filters },
    { filters: Array.from({ length: 21 }, () => filters[0]) },
  ])('refuses open request %j', (raw) => expect(() => parseOpenFileRequest(raw)).toThrow());

  it.each([
    { suggestedName: 'a.txt', data: 'text', filters },
    { suggestedName: 'a.txt', data: [1, 2], filters },
    { suggestedName: 7, data: new Uint8Array(), filters },
    { data: new Uint8Array(), filters },
  ])('refuses save request %#', (raw) => expect(() => parseSaveFileRequest(raw)).toThrow());

  it('strips folders and reserved characters from the suggested name', () => {
    expect(safeFileName('../../.bashrc')).toBe('.bashrc');
    expect(safeFileName('C:\\Windows\\system32\\x.dll')).toBe('x.dll');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
    expect(safeFileName('头版:要闻?.pdf')).toBe('头版_要闻_.pdf');
    expect(safeFileName('..')).toBe('未命名');
    expect(safeFileName('   ')).toBe('未命名');
  });
});

describe('readPickedFile', () => {
  it('returns the name and bytes', async () => {
    const file = path.join(tempDir(), '来稿.txt');
    fs.writeFileSync(file, '本报讯');
    const picked = await readPickedFile(file);
    expect(picked.name).toBe('来稿.txt');
    expect(Buffer.from(picked.data).toString('utf8')).toBe('本报讯');
  });

  it('refuses a file over 100 MB with a sentence naming it', async () => {
    const file = path.join(tempDir(), 'huge.tif');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_OPEN_FILE_BYTES + 1);
    const failure = await readPickedFile(file).then(
      () => null,
      (error: unknown) => dialogFailure(error, file, '打开'),
    );
    expect(failure).toEqual({ ok: false, message: expect.stringMatching(/^文件“huge\.tif”有 100 MB，超过 100 MB 的上限，未打开。$/) });
  });

  it('explains file-system errors in words', async () => {
    const missing = path.join(tempDir(), 'gone.txt');
    const failure = await readPickedFile(missing).then(
      () => null,
      (error: unknown) => dialogFailure(error, missing, '打开'),
    );
    expect(failure).toEqual({ ok: false, message: '无法打开文件“gone.txt”：文件或文件夹不存在。' });
  });
});

describe('appPaths', () => {
  it('finds the folder with package.json from the bundle or the sources', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    fs.mkdirSync(path.join(root, 'dist-electron'));
    fs.mkdirSync(path.join(root, 'electron', 'desktop'), { recursive: true });
    expect(findAppRoot(path.join(root, 'dist-electron'), fs.existsSync)).toBe(root);
    expect(findAppRoot(path.join(root, 'electron', 'desktop'), fs.existsSync)).toBe(root);
    expect(() => findAppRoot(root, () => false)).toThrow(/package\.json/);
  });

  it('uses the Electron build of better-sqlite3 only where it exists, outside the asar when packaged', () => {
    const dev = nativeBindingPath({ isPackaged: false, appRoot: '/src/app', resourcesPath: '/opt/x/resources', exists: () => true });
    expect(dev).toBe(path.join('/src/app', 'native', 'electron', 'better_sqlite3.node'));
    const packaged = nativeBindingPath({
      isPackaged: true,
      appRoot: '/opt/x/resources/app.asar',
      resourcesPath: '/opt/x/resources',
      exists: () => true,
    });
    expect(packaged).toBe(path.join('/opt/x/resources', 'native', 'electron', 'better_sqlite3.node'));
    expect(nativeBindingPath({ isPackaged: false, appRoot: '/src/app', resourcesPath: '', exists: () => false })).toBeUndefined();
  });

  it('gives each data folder its own Chromium profile (and single-instance lock)', () => {
    const a = chromiumProfileDir('/home/u/.config', '/data/a');
    expect(path.dirname(a)).toBe(path.join('/home/u/.config', 'newsroom-desk-chromium'));
    expect(chromiumProfileDir('/home/u/.config', '/data/a/')).toBe(a);
    expect(chromiumProfileDir('/home/u/.config', '/data/b')).not.toBe(a);
  });
});

describe('describeStartupFailure', () => {
  it('shows the core’s own sentence for CoreOpenError', () => {
    const failure = describeStartupFailure(new CoreOpenError('数据库由更新版本的程序创建。'), true);
    expect(failure).toEqual({ title: '无法打开编辑部数据', message: '数据库由更新版本的程序创建。' });
  });

  it('turns an ABI mismatch into an instruction', () => {
    const abi = new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115.');
    expect(describeStartupFailure(abi, false).message).toContain('node scripts/native-electron.mjs');
    expect(describeStartupFailure(abi, true).message).toContain('重新安装');
  });
});
