import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Just enough of Electron's main-process API for electron/desktop/main.ts to
 * run under plain Node (no Electron binary here): it records what main.ts
 * registers so tests can drive the real glue, with the real core behind it.
 */

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent<T extends object>(extra: T = {} as T): FakeEvent & T {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly send = vi.fn<(channel: string, payload: unknown) => void>();
  crashed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  isCrashed(): boolean {
    return this.crashed;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  sent(channel: string): unknown[] {
    return this.send.mock.calls.filter(([name]) => name === channel).map(([, payload]) => payload);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;

  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  maximized = false;
  visible = false;
  bounds = { x: 10, y: 20, width: 1300, height: 850 };

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    FakeBrowserWindow.focused = this;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return this.bounds;
  }

  /** Like Electron: 'close' may be prevented; otherwise 'closed', then window-all-closed for the last one. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    FakeBrowserWindow.all = FakeBrowserWindow.all.filter((win) => win !== this);
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.emit('closed');
    if (FakeBrowserWindow.all.length === 0) app.emit('window-all-closed');
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  name = '';
  isPackaged = false;
  exitCode: number | null = null;
  quitCalls = 0;
  singleInstance = true;

  setName(name: string): void {
    this.name = name;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`fake app: no path ${name}`);
    return value;
  }
  enableSandbox = vi.fn();
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit', fakeEvent());
  }
  exit(code: number): void {
    this.exitCode = code;
  }
}

export const app = new FakeApp();

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      this.permissionCheckHandler = handler;
    },
  },
};

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
    this.handlers.set(channel, handler);
  },
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.set(channel, listener);
  },
};

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
export const screen = {
  getPrimaryDisplay: () => ({ workArea }),
  getAllDisplays: () => [{ workArea }],
};

export const dialog = {
  showErrorBox: vi.fn<(title: string, content: string) => void>(),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};

export const Menu = {
  applicationMenu: null as unknown,
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: unknown) {
    this.applicationMenu = menu;
  },
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const BrowserWindow = FakeBrowserWindow;

/**
 * The OS key store: a reversible scramble stands in for the encryption, so a test can tell that
 * what is on disk is not the plain token and that it reads back. `available` false plays a Linux
 * desktop without a key store.
 */
const scramble = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isAsyncEncryptionAvailable: vi.fn(async () => safeStorage.available),
  encryptStringAsync: vi.fn(async (plainText: string) => {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('v10'), scramble(Buffer.from(plainText, 'utf8'))]);
  }),
  decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
    if (!safeStorage.available || encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: scramble(encrypted.subarray(3)).toString('utf8'), shouldReEncrypt: false };
  }),
  getSelectedStorageBackend: () => safeStorage.backend,
  /** What a kept file holds, read back the way the app would. */
  reveal(encrypted: Buffer): string {
    return scramble(encrypted.subarray(3)).toString('utf8');
  },
};

/** An IPC event as Electron builds it for a message from `win`'s frame at `url`. */
export function ipcEventFrom(win: FakeBrowserWindow, url = 'app://newsroom/index.html', isMainFrame = true) {
  return { sender: win.webContents, senderFrame: { url, parent: isMainFrame ? null : {} } };
}

/** Waits for main.ts's async start-up (openCore) to reach the given state. */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
