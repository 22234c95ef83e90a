import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, isMenuCommand, type NewsroomBridge } from '../../shared/api/bridge';
import type { ApiEvent } from '../../shared/api/events';
import type { DeskConnection } from '../../shared/api/desk';
import type { DialogReply } from './fileDialogs';

/**
 * Runs sandboxed with context isolation: the page gets exactly these
 * functions, never ipcRenderer, and each one is pinned to its channel.
 */

function unwrap<T>(reply: DialogReply<T>): T {
  if (reply.ok) return reply.value;
  throw new Error(reply.message);
}

function subscribe<T>(channel: string, accept: (payload: unknown) => payload is T, listener: (payload: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
    if (accept(payload)) listener(payload);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const isApiEvent = (payload: unknown): payload is ApiEvent =>
  typeof payload === 'object' && payload !== null && typeof (payload as { type?: unknown }).type === 'string';

const isDeskConnection = (payload: unknown): payload is DeskConnection =>
  typeof payload === 'object' && payload !== null && ['local', 'remote'].includes((payload as { mode?: unknown }).mode as string);

const beforeCloseHandlers = new Set<() => Promise<void>>();

ipcRenderer.on(IPC_CHANNELS.beforeClose, (_event, requestId: unknown) => {
  void Promise.allSettled([...beforeCloseHandlers].map(async (handler) => handler())).then((results) => {
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    const message = failure?.reason instanceof Error ? failure.reason.message : String(failure?.reason ?? '');
    ipcRenderer.send(IPC_CHANNELS.closeReady, failure ? { requestId, ok: false, message } : { requestId, ok: true });
  });
});

const bridge: NewsroomBridge = {
  host: 'desktop',
  call: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.call, method, input),
  onEvent: (listener) => subscribe(IPC_CHANNELS.event, isApiEvent, listener),
  openFile: async (options) => unwrap(await ipcRenderer.invoke(IPC_CHANNELS.openFile, options)),
  saveFile: async (options) => unwrap(await ipcRenderer.invoke(IPC_CHANNELS.saveFile, options)),
  onBeforeClose(handler) {
    beforeCloseHandlers.add(handler);
    return () => {
      beforeCloseHandlers.delete(handler);
    };
  },
  onMenuCommand: (listener) => subscribe(IPC_CHANNELS.menuCommand, isMenuCommand, listener),
  desk: {
    connection: () => ipcRenderer.invoke(IPC_CHANNELS.deskConnection),
    onConnection: (listener) => subscribe(IPC_CHANNELS.deskChanged, isDeskConnection, listener),
    probe: (address) => ipcRenderer.invoke(IPC_CHANNELS.deskProbe, address),
    connect: (address, fingerprint) => ipcRenderer.invoke(IPC_CHANNELS.deskConnect, address, fingerprint),
    useLocal: () => ipcRenderer.invoke(IPC_CHANNELS.deskUseLocal),
  },
};

contextBridge.exposeInMainWorld('newsroom', bridge);
