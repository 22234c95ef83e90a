import type { ApiResponse } from './errors';
import type { ApiEvent } from './events';

/**
 * What the Electron preload exposes as `window.newsroom`. The session token
 * never reaches the renderer: the main side keeps it per window.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PickedFile {
  name: string;
  data: Uint8Array;
}

/** Menu commands the desktop app forwards to the renderer (文件 → 新建稿件, 导入…). */
const MENU_COMMANDS = ['article.new', 'article.import'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export interface NewsroomBridge {
  readonly host: 'desktop';
  call(method: string, input: unknown): Promise<ApiResponse>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  openFile(options: { title?: string; filters: FileFilter[] }): Promise<PickedFile | null>;
  saveFile(options: { title?: string; suggestedName: string; data: Uint8Array; filters: FileFilter[] }): Promise<{ saved: boolean }>;
  /** The main side asks before closing a window; the handler flushes unsaved edits. */
  onBeforeClose(handler: () => Promise<void>): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const IPC_CHANNELS = {
  call: 'newsroom:call',
  event: 'newsroom:event',
  openFile: 'newsroom:open-file',
  saveFile: 'newsroom:save-file',
  beforeClose: 'newsroom:before-close',
  closeReady: 'newsroom:close-ready',
  menuCommand: 'newsroom:menu-command',
} as const;
