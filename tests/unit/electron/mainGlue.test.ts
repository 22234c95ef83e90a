import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/api/bridge';
import type { ApiResponse } from '../../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/contentSecurityPolicy';
import * as fake from './fakeElectron';
import { MAX_SAVE_FILE_BYTES } from '../../../electron/desktop/fileDialogs';

vi.mock('electron', async () => await import('./fakeElectron'));

// electron/desktop/main.ts driven end to end under Node: a fake Electron
// around it, the real core (and a real SQLite file) behind it.

const ROOT = path.resolve(__dirname, '..', '..', '..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-main-'));
const dataDir = path.join(temp, 'data');
const appData = path.join(temp, 'appData');
const documents = path.join(temp, 'documents');
const savedArgv = process.argv;

let win: fake.FakeBrowserWindow;

function call(method: unknown, input: unknown, from: unknown = ipcEventFrom()): Promise<ApiResponse> {
  return fake.ipcMain.handlers.get(IPC_CHANNELS.call)!(from, method, input) as Promise<ApiResponse>;
}

function ipcEventFrom(target = win, url?: string, isMainFrame?: boolean) {
  return fake.ipcEventFrom(target, url, isMainFrame);
}

beforeAll(async () => {
  fs.mkdirSync(documents, { recursive: true });
  fake.app.setPath('appData', appData);
  fake.app.setPath('documents', documents);
  process.argv = [...savedArgv, '--data-dir', dataDir];
  await import('../../../electron/desktop/main');
  await fake.waitFor(() => fake.FakeBrowserWindow.all.length === 1, 'the main window');
  win = fake.FakeBrowserWindow.all[0]!;
});

afterAll(() => {
  process.argv = savedArgv;
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('start-up', () => {
  it('registers app:// as a standard, secure scheme and sandboxes every renderer', () => {
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('keeps Chromium’s profile (and the single-instance lock) per data folder, outside it', () => {
    const userData = fake.app.paths.get('userData')!;
    expect(path.dirname(userData)).toBe(path.join(appData, 'newsroom-desk-chromium'));
    expect(userData.startsWith(dataDir)).toBe(false);
  });

  it('opens the database in the --data-dir folder', () => {
    expect(fs.existsSync(path.join(dataDir, 'newsroom.db'))).toBe(true);
  });

  it('opens one hidden-until-ready window on app:// with the secure preferences', () => {
    expect(win.loadedUrl).toBe('app://newsroom/index.html');
    expect(win.options['title']).toBe('编辑部桌面系统');
    expect(win.options['webPreferences']).toMatchObject({
      preload: path.join(ROOT, 'electron', 'desktop', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('brings the window forward when the app is launched again', () => {
    expect(fake.FakeBrowserWindow.focused).toBeNull();
    fake.app.emit('second-instance');
    expect(fake.FakeBrowserWindow.focused).toBe(win);
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
  });

  it('installs the zh-CN application menu', () => {
    const labels = (fake.Menu.applicationMenu as Array<{ label: string }>).map((menu) => menu.label);
    expect(labels).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('forwards 新建稿件 from the menu to the window', () => {
    const file = (fake.Menu.applicationMenu as Array<{ label: string; submenu: Array<{ label: string; click?: () => void }> }>)[0]!;
    file.submenu.find((entry) => entry.label === '新建稿件')!.click!();
    expect(win.webContents.sent('newsroom:menu-command')).toEqual(['article.new']);
  });
});

describe('what the page may do', () => {
  it('gets every permission request and check denied', () => {
    const callback = vi.fn();
    fake.session.defaultSession.permissionRequestHandler!(win.webContents, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.session.defaultSession.permissionCheckHandler!(win.webContents, 'clipboard-read')).toBe(false);
  });

  it('cannot navigate or redirect away from the app origin', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = fake.fakeEvent({ url: 'https://evil.example/' });
      win.webContents.emit(name, away);
      expect(away.defaultPrevented, name).toBe(true);
      const lookAlike = fake.fakeEvent({ url: 'app://newsroom.evil/index.html' });
      win.webContents.emit(name, lookAlike);
      expect(lookAlike.defaultPrevented, name).toBe(true);
      const inside = fake.fakeEvent({ url: 'app://newsroom/index.html' });
      win.webContents.emit(name, inside);
      expect(inside.defaultPrevented, name).toBe(false);
    }
  });

  it('cannot attach a webview', () => {
    const event = fake.fakeEvent();
    win.webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('opens no windows; a web or mail link goes to the OS only after the user agrees to the address shown', async () => {
    const open = win.webContents.windowOpenHandler!;
    fake.shell.openExternal.mockClear();
    fake.dialog.showMessageBox.mockClear();

    // The user declines: nothing is opened.
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(open({ url: 'https://www.people.com.cn/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const [parent, options] = fake.dialog.showMessageBox.mock.calls[0] as [unknown, { message: string; detail: string; buttons: string[]; cancelId: number; defaultId: number }];
    expect(parent).toBe(win);
    expect(`${options.message}\n${options.detail}`).toContain('https://www.people.com.cn/');
    expect(options.buttons[options.cancelId]).toBe('取消');
    expect(options.defaultId).toBe(options.cancelId);
    await new Promise((done) => setTimeout(done, 10));
    expect(fake.shell.openExternal).not.toHaveBeenCalled();

    // The user agrees: exactly that address is opened.
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    open({ url: 'mailto:desk@jiangcheng.example?subject=稿件' });
    await vi.waitFor(() => expect(fake.shell.openExternal).toHaveBeenCalledWith('mailto:desk@jiangcheng.example?subject=稿件'));

    fake.shell.openExternal.mockClear();
    fake.dialog.showMessageBox.mockClear();
    for (const url of ['file:///etc/passwd', 'app://newsroom/index.html', 'smb://server/share', 'javascript:alert(1)']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    await new Promise((done) => setTimeout(done, 10));
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('app:// protocol', () => {
  const serve = (url: string, method = 'GET') => fake.protocol.handlers.get('app')!(new Request(url, { method }));

  it('refuses traversal and foreign hosts, with the CSP on the error too', async () => {
    for (const url of ['app://newsroom/..%2f..%2fpackage.json', 'app://newsroom/%2e%2e/package.json', 'app://newsroom.evil/index.html']) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await serve('app://newsroom/index.html', 'POST')).status).toBe(405);
  });

  const built = fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'));
  it.skipIf(!built)('serves the built renderer with its type and the CSP (needs `vite build` first)', async () => {
    const response = await serve('app://newsroom/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<div id="root">');
  });
});

describe('IPC', () => {
  it('refuses calls from frames that are not our page', async () => {
    for (const from of [
      ipcEventFrom(win, 'app://newsroom.evil/index.html'),
      ipcEventFrom(win, 'file:///tmp/x.html'),
      ipcEventFrom(win, 'app://newsroom/index.html', false),
      { sender: new fake.FakeWebContents(), senderFrame: { url: 'app://newsroom/index.html', parent: null } },
      { sender: win.webContents, senderFrame: null },
    ]) {
      expect(await call('setup.status', {}, from)).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    }
  });

  it('refuses a call without a method name', async () => {
    expect(await call(42, {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) });
  });

  it('passes a trusted call to the core and returns its answer', async () => {
    expect(await call('setup.status', {})).toEqual({ ok: true, result: expect.objectContaining({ initialized: false }) });
  });

  it('keeps the session for the window after sign-in, without handing the token to the page', async () => {
    const created = await call('setup.createNewsroom', {
      paperName: '江城日报',
      admin: { username: 'admin', displayName: '王总编', password: 'correct-horse-1' },
    });
    expect(created.ok).toBe(true);
    expect(JSON.stringify(created)).not.toMatch(/token/i);
    const me = await call('auth.me', {});
    expect(me).toEqual({ ok: true, result: expect.objectContaining({ paperName: '江城日报' }) });
  });

  it('switches the window to another user on sign-in and pushes core events to it', async () => {
    const reporter = { username: 'zhangsan', displayName: '张三', password: 'reporter-pass-1' };
    expect(await call('users.create', { ...reporter, roles: ['reporter'] })).toMatchObject({ ok: true });
    expect(await call('auth.login', { username: reporter.username, password: reporter.password })).toMatchObject({ ok: true });
    expect(await call('auth.me', {})).toMatchObject({ ok: true, result: { user: { username: 'zhangsan' } } });
    const created = await call('articles.create', { headline: '全市春耕生产有序推进' });
    expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
    const articleId = (created as { result: { id: string } }).result.id;
    await vi.waitFor(() => expect(win.webContents.sent(IPC_CHANNELS.event)).toContainEqual(expect.objectContaining({ type: 'article.changed', articleId })));
  });
});

describe('file dialogs', () => {
  const open = (raw: unknown, from = ipcEventFrom()) => fake.ipcMain.handlers.get(IPC_CHANNELS.openFile)!(from, raw);
  const save = (raw: unknown, from = ipcEventFrom()) => fake.ipcMain.handlers.get(IPC_CHANNELS.saveFile)!(from, raw);
  const filters = [{ name: '文本', extensions: ['txt'] }];

  it('reads the chosen file in main and returns its bytes', async () => {
    const file = path.join(temp, '来稿.txt');
    fs.writeFileSync(file, '本报讯（记者 张三）');
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const reply = (await open({ title: '导入稿件', filters })) as { ok: true; value: { name: string; data: Uint8Array } };
    expect(reply.ok).toBe(true);
    expect(reply.value.name).toBe('来稿.txt');
    expect(Buffer.from(reply.value.data).toString('utf8')).toBe('本报讯（记者 张三）');
    expect(fake.dialog.showOpenDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({ title: '导入稿件', filters }));
  });

  it('answers null when the user cancels, and a sentence for bad requests or foreign senders', async () => {
    expect(await open({ filters })).toEqual({ ok: true, value: null });
    const before = fake.dialog.showOpenDialog.mock.calls.length;
    expect(await open({ filters: [{ name: 'x', extensions: ['a/b'] }] })).toEqual({ ok: false, message: '文件扩展名无效。' });
    expect(await open({ filters }, ipcEventFrom(win, 'https://evil.example/'))).toEqual({
      ok: false,
      message: expect.stringContaining('已拒绝'),
    });
    expect(fake.dialog.showOpenDialog.mock.calls.length).toBe(before);
  });

  it('writes the chosen file, offering only a bare name in Documents', async () => {
    const target = path.join(temp, 'out', '版样.pdf');
    fs.mkdirSync(path.dirname(target));
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const reply = await save({ suggestedName: '../../版样.pdf', data: new Uint8Array([37, 80, 68, 70]), filters });
    expect(reply).toEqual({ ok: true, value: { saved: true } });
    expect(fs.readFileSync(target, 'latin1')).toBe('%PDF');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['版样.pdf']);
    expect(fake.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      win,
      expect.objectContaining({ defaultPath: path.join(documents, '版样.pdf') }),
    );
  });

  it('refuses data over the size limit before any dialog opens', async () => {
    fake.dialog.showSaveDialog.mockClear();
    const reply = await save({ suggestedName: '太大.pdf', data: new Uint8Array(MAX_SAVE_FILE_BYTES + 1), filters });
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('超过') });
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('reports a failed write as a sentence', async () => {
    const target = path.join(temp, 'no-such-folder', 'x.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await save({ suggestedName: 'x.pdf', data: new Uint8Array([1]), filters })).toEqual({
      ok: false,
      message: '无法保存文件“x.pdf”：文件或文件夹不存在。',
    });
  });
});

describe('closing the window', () => {
  const answer = (payload: unknown, from = ipcEventFrom()) => fake.ipcMain.listeners.get(IPC_CHANNELS.closeReady)!(from, payload);

  it('asks the renderer first, and keeps the window if it does not answer and the user stays', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      win.close();
      expect(win.isDestroyed()).toBe(false);
      expect(win.webContents.sent(IPC_CHANNELS.beforeClose)).toHaveLength(1);
      fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
      vi.advanceTimersByTime(5_000);
      expect(fake.dialog.showMessageBox).toHaveBeenLastCalledWith(
        win,
        expect.objectContaining({ buttons: ['留在窗口中', '关闭并放弃未保存的修改'], defaultId: 0, cancelId: 0 }),
      );
    } finally {
      vi.useRealTimers();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(win.isDestroyed()).toBe(false);
  });

  it('ignores a close answer from a foreign frame, then closes once the renderer has saved, freeing the window’s story locks', async () => {
    const created = (await call('articles.create', { headline: '关窗前还在写的稿子' })) as { ok: true; result: { id: string } };
    expect(await call('locks.acquire', { articleId: created.result.id, part: 'body' })).toMatchObject({ ok: true });
    const db = new Database(path.join(dataDir, 'newsroom.db'), { readonly: true });
    const locks = () => db.prepare('SELECT part FROM article_locks WHERE article_id = ?').all(created.result.id);
    expect(locks()).toEqual([{ part: 'body' }]);

    win.bounds = { x: 33, y: 44, width: 1500, height: 900 };
    win.close();
    const requestId = win.webContents.sent(IPC_CHANNELS.beforeClose).at(-1);
    answer({ requestId, ok: true }, ipcEventFrom(win, 'app://newsroom/index.html', false));
    expect(win.isDestroyed()).toBe(false);
    const quitsBefore = fake.app.quitCalls;
    answer({ requestId, ok: true });
    expect(win.isDestroyed()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 33, y: 44, width: 1500, height: 900 },
      maximized: false,
    });
    if (process.platform !== 'darwin') expect(fake.app.quitCalls).toBe(quitsBefore + 1);
    // Not after the 15 idle minutes: the closed window's session is over, and its locks with it.
    await fake.waitFor(() => locks().length === 0, 'the lock released');
    db.close();
  });

  it('opens a fresh window at the remembered place, signed out: sessions belong to windows', async () => {
    fake.app.emit('activate');
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
    const next = fake.FakeBrowserWindow.all[0]!;
    expect(next).not.toBe(win);
    expect(next.options).toMatchObject({ x: 33, y: 44, width: 1500, height: 900 });
    const me = await call('auth.me', {}, ipcEventFrom(next));
    expect(me).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
    expect(await call('auth.me', {}, ipcEventFrom(win))).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
  });
});

describe('quitting', () => {
  it('holds the quit until the database is closed, then quits, and closes it only once', async () => {
    const quits = fake.app.quitCalls;
    const first = fake.fakeEvent();
    fake.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await fake.waitFor(() => fake.app.quitCalls === quits + 1, 'the quit after closing');
    // Closed: the folder's database can be opened and written by another process now.
    expect(fs.existsSync(path.join(dataDir, 'newsroom.db-wal'))).toBe(false);
    const second = fake.fakeEvent();
    fake.app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });
});
