import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron';
import { IPC_CHANNELS, type MenuCommand, type PickedFile } from '../../shared/api/bridge';
import { parseServerAddress, type DeskConnection, type DeskReply, type ServerProbe } from '../../shared/api/desk';
import type { ApiResponse } from '../../shared/api/errors';
import { reaches, type ApiEvent } from '../../shared/api/events';
import { openCore, type Core } from '../core/core';
import { RemoteCore } from '../remote/remoteCore';
import { checkServer, pinAccepted, probeServer } from '../remote/serverProbe';
import type { PinnedCertificate } from '../remote/serverTls';
import { defaultDataDir, parseDataDirArg } from '../core/dataDir';
import { APP_VERSION } from '../core/version';
import { chromiumProfileDir, findAppRoot, nativeBindingPath } from './appPaths';
import { writeFileAtomic } from './atomicWrite';
import { CLOSE_ANSWER_TIMEOUT_MS, CloseGuard, parseCloseAnswer, type DiscardReason } from './closeGuard';
import { DESK_SETTINGS_FILE, FINGERPRINT, loadDeskSettings, saveDeskSettings, type DeskSettings } from './deskSettings';
import {
  dialogFailure,
  parseOpenFileRequest,
  parseSaveFileRequest,
  readPickedFile,
  safeFileName,
  type DialogReply,
} from './fileDialogs';
import { BAD_METHOD, REFUSED_SENDER, isTrustedSender, nextRemoteSessionToken, nextSessionToken, sessionUserOf } from './ipcRouting';
import { buildMenuTemplate } from './menuTemplate';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appResponseHeaders,
  contentTypeFor,
  isAppUrl,
  isSafeExternalUrl,
  resolveAppPath,
  secureWebPreferences,
} from './security';
import { describeStartupFailure } from './startupFailure';
import { TOKEN_FILE, TokenStore } from './tokenStore';
import { MIN_WINDOW_SIZE, WINDOW_STATE_FILE, loadWindowState, placeWindow, saveWindowState } from './windowState';

const PRODUCT_NAME = '编辑部桌面系统';
const appRoot = findAppRoot(__dirname, fs.existsSync);
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const dataDir = parseDataDirArg(process.argv) ?? defaultDataDir();
const windowStateFile = path.join(dataDir, WINDOW_STATE_FILE);
const deskSettingsFile = path.join(dataDir, DESK_SETTINGS_FILE);

interface WindowRecord {
  win: BrowserWindow;
  /** Never sent to the page: the renderer only ever sees call results. */
  sessionToken: string | null;
  /** Whose session the token was, kept so the window still learns that session's end. */
  sessionUserId: string | null;
  closeGuard: CloseGuard;
  /** The newsroom server's event stream for this window's session, when it has one there. */
  stopEvents: (() => void) | null;
}

/** Keyed by webContents id: IPC events name their sender by webContents. */
const windows = new Map<number, WindowRecord>();
/** The newsroom in this data folder; null while the desktop works against a newsroom server. */
let core: Core | null = null;
/** The newsroom server the desktop works against, per the desk settings; null for the local newsroom. */
let remote: RemoteCore | null = null;
let tokens: TokenStore | null = null;
/** The server session kept across starts (encrypted on disk), which new windows start with. */
let keptToken: string | null = null;
let quitting = false;

const NO_NEWSROOM: ApiResponse = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: '编辑部正在切换或关闭，请稍后重试；您的修改仍保留在此窗口中。' },
};

app.setName(PRODUCT_NAME);
app.setPath('userData', chromiumProfileDir(app.getPath('appData'), dataDir));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

function firstRecord(): WindowRecord | undefined {
  return windows.values().next().value;
}

/** The record of a sender that passes the origin checks, or null. */
function trustedRecord(event: IpcMainEvent | IpcMainInvokeEvent): WindowRecord | null {
  const record = windows.get(event.sender.id);
  const frame = event.senderFrame;
  const trusted = isTrustedSender({
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    isOurWindow: record !== undefined && record.win.webContents === event.sender,
  });
  return trusted && record ? record : null;
}

function sendTo(record: WindowRecord, channel: string, payload: unknown): void {
  if (!record.win.isDestroyed()) record.win.webContents.send(channel, payload);
}

function connectionNow(): DeskConnection {
  if (!remote) return { mode: 'local' };
  return { mode: 'remote', address: remote.address, online: remote.isOnline(), tokenKept: keptToken !== null };
}

function announceConnection(): void {
  const connection = connectionNow();
  for (const record of windows.values()) sendTo(record, IPC_CHANNELS.deskChanged, connection);
}

/** Forgets a window's server session (it ended there); the kept copy too when it was that one. */
function dropRemoteSession(record: WindowRecord): void {
  record.stopEvents?.();
  record.stopEvents = null;
  if (record.sessionToken !== null && record.sessionToken === keptToken) void keepToken(null);
  record.sessionToken = null;
  record.sessionUserId = null;
}

async function keepToken(token: string | null): Promise<void> {
  if (!tokens) return;
  keptToken = token;
  try {
    if (!(await tokens.save(token))) keptToken = null;
  } catch (error) {
    keptToken = null;
    console.error('[newsroom] keeping the server session failed:', error);
  }
  announceConnection();
}

/** A window signed in to the server hears that session's events, as a local window hears the core's. */
function followRemoteEvents(record: WindowRecord): void {
  record.stopEvents?.();
  record.stopEvents = null;
  const token = record.sessionToken;
  if (!remote || token === null) return;
  record.stopEvents = remote.openEvents(
    token,
    (event: ApiEvent) => {
      sendTo(record, IPC_CHANNELS.event, event);
      if (event.type === 'session.ended') dropRemoteSession(record);
    },
    () => {
      sendTo(record, IPC_CHANNELS.event, { type: 'session.ended', userId: record.sessionUserId ?? '', reason: 'expired' } satisfies ApiEvent);
      dropRemoteSession(record);
    },
  );
}

async function callRemote(server: RemoteCore, record: WindowRecord, method: string, input: unknown): Promise<ApiResponse> {
  const before = record.sessionToken;
  const outcome = await server.dispatch(before, method, input);
  const next = nextRemoteSessionToken(before, method, outcome);
  record.sessionUserId = next === null ? null : (sessionUserOf(method, outcome.response) ?? record.sessionUserId);
  if (next !== before) {
    record.sessionToken = next;
    followRemoteEvents(record);
    if (next !== null || before === keptToken) await keepToken(next);
  }
  return outcome.response;
}

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const notFound = () =>
      new Response('未找到', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    const filePath = resolveAppPath(rendererDir, request.url);
    if (filePath === null) return notFound();
    try {
      const body = await fs.promises.readFile(filePath);
      return new Response(body, { status: 200, headers: appResponseHeaders(contentTypeFor(filePath)) });
    } catch {
      return notFound();
    }
  });
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void openExternalIfConfirmed(windows.get(contents.id)?.win ?? null, url);
      return { action: 'deny' };
    });
  });
}

/** A link in a story or a caption can point anywhere: the user sees the address and agrees first. */
async function openExternalIfConfirmed(parent: BrowserWindow | null, url: string): Promise<void> {
  const options = {
    type: 'question' as const,
    title: PRODUCT_NAME,
    message: url.startsWith('mailto:') ? '要用邮件程序写信给这个地址吗？' : '要在浏览器中打开这个网址吗？',
    detail: url,
    buttons: ['打开', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  if (response === 0) await shell.openExternal(url);
}

async function confirmDiscard(win: BrowserWindow, reason: DiscardReason): Promise<boolean> {
  const message =
    reason.kind === 'timeout'
      ? `编辑器没有在 ${CLOSE_ANSWER_TIMEOUT_MS / 1000} 秒内确认修改已保存。`
      : `有修改没能保存：${reason.message}`;
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: PRODUCT_NAME,
    message,
    detail: '现在关闭，尚未保存的修改会丢失。建议留在窗口中，确认稿件已保存后再关闭。',
    buttons: ['留在窗口中', '关闭并放弃未保存的修改'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}

function rememberWindowState(win: BrowserWindow): void {
  try {
    saveWindowState(windowStateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  } catch {
    // A read-only data folder must not block closing; the next start just uses the default size.
  }
}

function createWindow(): void {
  const primary = screen.getPrimaryDisplay().workArea;
  const { maximized, ...bounds } = placeWindow(
    loadWindowState(windowStateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    primary,
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: Math.min(MIN_WINDOW_SIZE.width, primary.width),
    minHeight: Math.min(MIN_WINDOW_SIZE.height, primary.height),
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  const id = win.webContents.id;
  const record: WindowRecord = {
    win,
    // A new window against the server starts in the kept session (the server still checks it).
    sessionToken: remote ? keptToken : null,
    sessionUserId: null,
    stopEvents: null,
    closeGuard: new CloseGuard({
      askRenderer: (requestId) => sendTo(record, IPC_CHANNELS.beforeClose, requestId),
      confirmDiscard: (reason) => confirmDiscard(win, reason),
      rendererGone: () => win.webContents.isCrashed(),
      close: () => win.close(),
      cancelled: () => {
        quitting = false;
      },
      setTimer: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
    }),
  };
  windows.set(id, record);
  followRemoteEvents(record);

  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win.on('close', (event) => {
    if (!record.closeGuard.closeRequested()) {
      event.preventDefault();
      return;
    }
    rememberWindowState(win);
  });
  win.on('closed', () => {
    windows.delete(id);
    endWindowSession(record);
  });

  void win.loadURL(APP_ENTRY_URL);
}

/**
 * A closed window's session dies with it (the token lived only in this record): signing it out
 * frees the story locks it held at once, rather than after the idle time. The close guard has
 * already had the renderer save, so nothing typed is lost by it.
 */
function endWindowSession(record: WindowRecord): void {
  const token = record.sessionToken;
  record.stopEvents?.();
  record.stopEvents = null;
  record.sessionToken = null;
  if (token === null) return;
  // The kept server session outlives its window: it is how the user stays signed in across starts.
  if (remote) {
    if (token !== keptToken) void remote.dispatch(token, 'auth.logout', {});
  } else if (core) {
    void core.dispatch({ sessionToken: token, transport: 'desktop' }, 'auth.logout', {});
  }
}

function focusOrCreateWindow(): void {
  const record = firstRecord();
  if (!record) {
    if (core || remote) createWindow();
    return;
  }
  if (record.win.isMinimized()) record.win.restore();
  record.win.show();
  record.win.focus();
}

function sendMenuCommand(command: MenuCommand): void {
  const focused = BrowserWindow.getFocusedWindow();
  const record = (focused && windows.get(focused.webContents.id)) ?? firstRecord();
  if (record) sendTo(record, IPC_CHANNELS.menuCommand, command);
}

function showAbout(): void {
  const parent = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: `关于${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${APP_VERSION}`,
    detail: [
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      remote ? `编辑部服务器：${remote.address}` : `数据文件夹：${dataDir}`,
    ].join('\n'),
    buttons: ['确定'],
    noLink: true,
  };
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

function registerIpc(): void {
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown): Promise<ApiResponse> => {
    const record = trustedRecord(event);
    if (!record) return REFUSED_SENDER;
    if (typeof method !== 'string') return BAD_METHOD;
    if (remote) return callRemote(remote, record, method, input);
    const local = core;
    if (!local) return NO_NEWSROOM;
    const outcome = await local.dispatch({ sessionToken: record.sessionToken, transport: 'desktop' }, method, input);
    record.sessionToken = nextSessionToken(record.sessionToken, outcome);
    record.sessionUserId = record.sessionToken === null ? null : local.sessionUserId(record.sessionToken);
    return outcome.response;
  });

  registerDeskIpc();

  ipcMain.handle(IPC_CHANNELS.openFile, async (event, raw: unknown): Promise<DialogReply<PickedFile | null>> => {
    const record = trustedRecord(event);
    if (!record) return { ok: false, message: '请求不是来自编辑部窗口，已拒绝。' };
    let filePath: string | null = null;
    try {
      const request = parseOpenFileRequest(raw);
      const result = await dialog.showOpenDialog(record.win, {
        title: request.title,
        filters: request.filters,
        properties: ['openFile'],
      });
      filePath = result.filePaths[0] ?? null;
      if (result.canceled || filePath === null) return { ok: true, value: null };
      return { ok: true, value: await readPickedFile(filePath) };
    } catch (error) {
      return dialogFailure(error, filePath, '打开');
    }
  });

  ipcMain.handle(IPC_CHANNELS.saveFile, async (event, raw: unknown): Promise<DialogReply<{ saved: boolean }>> => {
    const record = trustedRecord(event);
    if (!record) return { ok: false, message: '请求不是来自编辑部窗口，已拒绝。' };
    let filePath: string | null = null;
    try {
      const request = parseSaveFileRequest(raw);
      const result = await dialog.showSaveDialog(record.win, {
        title: request.title,
        defaultPath: path.join(app.getPath('documents'), safeFileName(request.suggestedName)),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      filePath = result.filePath || null;
      if (result.canceled || filePath === null) return { ok: true, value: { saved: false } };
      await writeFileAtomic(filePath, request.data);
      return { ok: true, value: { saved: true } };
    } catch (error) {
      return dialogFailure(error, filePath, '保存');
    }
  });

  ipcMain.on(IPC_CHANNELS.closeReady, (event, raw: unknown) => {
    const record = trustedRecord(event);
    const parsed = parseCloseAnswer(raw);
    if (record && parsed) record.closeGuard.rendererAnswered(parsed.requestId, parsed.answer);
  });

}

/** The local core's events to the windows signed in to it. */
function followCoreEvents(openedCore: Core): void {
  // Delivered as each event comes (the session check is in memory), so every window sees events in commit order.
  openedCore.subscribe((apiEvent) => {
    if (core !== openedCore) return;
    for (const record of windows.values()) {
      if (record.sessionToken === null || record.sessionUserId === null) continue;
      const live = openedCore.sessionUserId(record.sessionToken) !== null;
      if (reaches(apiEvent, { userId: record.sessionUserId, live })) sendTo(record, IPC_CHANNELS.event, apiEvent);
      if (!live) {
        record.sessionToken = null;
        record.sessionUserId = null;
      }
    }
  });
}

/** How long leaving a newsroom waits for its sign-outs: a server that does not answer is left to expire them. */
const SIGN_OUT_WAIT_MS = 5000;

async function signOutEverywhere(): Promise<void> {
  const sessions = new Set<string>();
  for (const record of windows.values()) {
    if (record.sessionToken !== null) sessions.add(record.sessionToken);
    record.stopEvents?.();
    record.stopEvents = null;
    record.sessionToken = null;
    record.sessionUserId = null;
  }
  if (remote && keptToken !== null) sessions.add(keptToken);
  const server = remote;
  const local = core;
  const signOuts = [...sessions].map(async (token) => {
    if (server) await server.dispatch(token, 'auth.logout', {});
    else await local?.dispatch({ sessionToken: token, transport: 'desktop' }, 'auth.logout', {});
  });
  await Promise.race([Promise.allSettled(signOuts), new Promise((done) => setTimeout(done, SIGN_OUT_WAIT_MS))]);
}

/**
 * Moves every window to another newsroom: each is signed out of where it was (the renderer then
 * starts again at the sign-in or first-run screen), the kept server session is forgotten, and the
 * choice is written before anything changes, so a failed write changes nothing.
 */
async function switchTo(next: DeskSettings): Promise<DeskReply> {
  let opened: Core | null = null;
  if (next.mode === 'local' && !core) {
    try {
      opened = await openLocalCore();
    } catch (error) {
      return { ok: false, message: describeStartupFailure(error, app.isPackaged).message };
    }
  }
  try {
    saveDeskSettings(deskSettingsFile, next);
  } catch (error) {
    await opened?.close();
    return { ok: false, message: `无法保存连接设置（${deskSettingsFile}）：${(error as Error).message}` };
  }
  await signOutEverywhere();
  await keepToken(null);
  remote?.close();
  remote = null;
  if (next.mode === 'remote') {
    remote = openRemote(next.address, next.pin);
    // The local newsroom is closed while the desktop works against a server: nothing holds its file.
    const local = core;
    core = null;
    await local?.close().catch((error: unknown) => console.error('[newsroom] closing the database failed:', error));
  } else if (opened) {
    core = opened;
  }
  announceConnection();
  return { ok: true };
}

async function connectToServer(rawAddress: unknown, rawFingerprint: unknown): Promise<DeskReply> {
  const parsed = parseServerAddress(typeof rawAddress === 'string' ? rawAddress : '');
  if (!parsed.ok) return parsed;
  if (rawFingerprint !== null && (typeof rawFingerprint !== 'string' || !FINGERPRINT.test(rawFingerprint))) {
    return { ok: false, message: '证书指纹格式不正确，请重新检查服务器。' };
  }
  let pin: PinnedCertificate | null = null;
  if (typeof rawFingerprint === 'string') {
    const accepted = await pinAccepted(parsed.address, rawFingerprint);
    if (!accepted.ok) return accepted;
    pin = accepted.pin;
  } else {
    const checked = await checkServer(parsed.address);
    if (!checked.ok) return checked;
  }
  return switchTo({ mode: 'remote', address: parsed.address, pin });
}

function registerDeskIpc(): void {
  const refused = { ok: false as const, message: '请求不是来自编辑部窗口，已拒绝。' };
  ipcMain.handle(IPC_CHANNELS.deskConnection, (event): DeskConnection | null => (trustedRecord(event) ? connectionNow() : null));
  ipcMain.handle(IPC_CHANNELS.deskProbe, async (event, address: unknown): Promise<ServerProbe> => {
    if (!trustedRecord(event)) return refused;
    return probeServer(typeof address === 'string' ? address : '');
  });
  ipcMain.handle(IPC_CHANNELS.deskConnect, async (event, address: unknown, fingerprint: unknown): Promise<DeskReply> => {
    if (!trustedRecord(event)) return refused;
    return connectToServer(address, fingerprint);
  });
  ipcMain.handle(IPC_CHANNELS.deskUseLocal, async (event): Promise<DeskReply> => {
    if (!trustedRecord(event)) return refused;
    return remote ? switchTo({ mode: 'local' }) : { ok: true };
  });
}

async function openLocalCore(): Promise<Core> {
  const opened = await openCore({
    dataDir,
    nativeBinding: nativeBindingPath({
      isPackaged: app.isPackaged,
      appRoot,
      resourcesPath: process.resourcesPath,
      exists: fs.existsSync,
    }),
  });
  followCoreEvents(opened);
  return opened;
}

function openRemote(address: string, pin: PinnedCertificate | null): RemoteCore {
  const opened = new RemoteCore({ address, pin });
  opened.onStatus(announceConnection);
  return opened;
}

async function start(): Promise<void> {
  await app.whenReady();
  tokens = new TokenStore(path.join(dataDir, TOKEN_FILE), safeStorage);
  const settings = loadDeskSettings(deskSettingsFile);
  if (settings.mode === 'remote') {
    remote = openRemote(settings.address, settings.pin);
    keptToken = await tokens.load();
  } else {
    try {
      core = await openLocalCore();
    } catch (error) {
      const failure = describeStartupFailure(error, app.isPackaged);
      dialog.showErrorBox(failure.title, failure.message);
      app.exit(1);
      return;
    }
  }

  registerAppProtocol();
  hardenSessions();
  registerIpc();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDev: !app.isPackaged,
        productName: PRODUCT_NAME,
        handlers: { command: sendMenuCommand, about: showAbout },
      }),
    ),
  );
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusOrCreateWindow);
  app.on('activate', focusOrCreateWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // A window that vetoed a quit (to save, or because the user chose to stay) resets `quitting`;
  // once the last window has closed after saving, the quit the user asked for goes ahead.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  // Closing the core indexes what is pending and checkpoints the database, which takes a moment:
  // the quit waits for it once, then goes ahead.
  app.on('will-quit', (event) => {
    remote?.close();
    const open = core;
    if (!open) return;
    core = null;
    event.preventDefault();
    void open
      .close()
      .catch((error: unknown) => console.error('[newsroom] closing the database failed:', error))
      .finally(() => app.quit());
  });
  void start();
}
