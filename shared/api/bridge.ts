import type { ApiResponse } from './errors';
import type { ApiEvent } from './events';
import type { DeskConnection, DeskReply, ServerProbe } from './desk';

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

/** Which newsroom the desktop works in, and changing it (see desk.ts). */
export interface DeskControls {
  connection(): Promise<DeskConnection>;
  onConnection(listener: (connection: DeskConnection) => void): () => void;
  /** Looks at a server before connecting: a sentence, or its address and the certificate to accept. */
  probe(address: string): Promise<ServerProbe>;
  /** Connects to the server (pinning `fingerprint`, the certificate the user accepted); every window signs in anew. */
  connect(address: string, fingerprint: string | null): Promise<DeskReply>;
  /** Leaves the server (signing out of it) for the newsroom on this computer. */
  useLocal(): Promise<DeskReply>;
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
  desk: DeskControls;
}

export const IPC_CHANNELS = {
  call: 'newsroom:call',
  event: 'newsroom:event',
  openFile: 'newsroom:open-file',
  saveFile: 'newsroom:save-file',
  beforeClose: 'newsroom:before-close',
  closeReady: 'newsroom:close-ready',
  menuCommand: 'newsroom:menu-command',
  deskConnection: 'newsroom:desk-connection',
  deskProbe: 'newsroom:desk-probe',
  deskConnect: 'newsroom:desk-connect',
  deskUseLocal: 'newsroom:desk-use-local',
  /** main → renderer: the connection changed (online/offline, another server, this computer) */
  deskChanged: 'newsroom:desk-changed',
} as const;
