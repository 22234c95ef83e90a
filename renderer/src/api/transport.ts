import type { ApiResponse } from '../../../shared/api/errors';
import type { ApiEvent } from '../../../shared/api/events';
import type { DeskControls, NewsroomBridge } from '../../../shared/api/bridge';

/** The one thing in the renderer that knows whether it runs in Electron or a browser. */
export interface Transport {
  readonly host: 'desktop' | 'browser';
  call(method: string, input: unknown, options?: { keepalive?: boolean }): Promise<ApiResponse>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Choosing the local newsroom or a newsroom server: the desktop app only (a page is already served by one). */
  readonly desk: DeskControls | null;
}

declare global {
  interface Window {
    newsroom?: NewsroomBridge;
  }
}

const UNAVAILABLE_MESSAGE = '无法连接到编辑部服务。请确认程序仍在运行，然后重试；您的修改仍保留在此窗口中。';
const UNAVAILABLE: ApiResponse = { ok: false, error: { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } };

/** The main side's answer, or the sentence the renderer shows when the main side did not answer. */
async function answered<T>(ask: () => Promise<T>): Promise<T | { ok: false; message: string }> {
  try {
    return await ask();
  } catch {
    return { ok: false, message: UNAVAILABLE_MESSAGE };
  }
}

function deskControls(desk: DeskControls): DeskControls {
  return {
    connection: () => desk.connection(),
    onConnection: (listener) => desk.onConnection(listener),
    probe: (address) => answered(() => desk.probe(address)),
    connect: (address, fingerprint) => answered(() => desk.connect(address, fingerprint)),
    useLocal: () => answered(() => desk.useLocal()),
  };
}

function bridgeTransport(bridge: NewsroomBridge): Transport {
  return {
    host: 'desktop',
    desk: deskControls(bridge.desk),
    call: async (method, input) => {
      try {
        return await bridge.call(method, input);
      } catch {
        return UNAVAILABLE;
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}

function httpTransport(): Transport {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;

  let superseded = false;
  // Set when a stream this tab had ended: events may have gone by, so the next one opened says so.
  let gap = false;
  const tell = (event: ApiEvent) => {
    for (const listener of listeners) listener(event);
  };

  const connect = () => {
    if (source || listeners.size === 0 || superseded) return;
    source = new EventSource('api/events');
    source.onopen = () => {
      if (gap) tell({ type: 'events.resumed' });
      gap = false;
    };
    source.onmessage = (message) => tell(JSON.parse(message.data as string) as ApiEvent);
    // The host keeps a few streams per browser and closes the oldest for a newer tab: this tab
    // waits until it is looked at again rather than taking a stream back from the tab in front.
    source.addEventListener('superseded', () => {
      source?.close();
      source = null;
      superseded = true;
      gap = true;
    });
    source.onerror = () => {
      // The host closes the stream when the session ends; reconnect after sign-in.
      source?.close();
      source = null;
      gap = true;
      setTimeout(connect, 3000);
    };
  };

  const resume = () => {
    if (!superseded || document.visibilityState !== 'visible') return;
    superseded = false;
    connect();
  };
  document.addEventListener('visibilitychange', resume);
  window.addEventListener('focus', resume);

  return {
    host: 'browser',
    desk: null,
    call: async (method, input, options) => {
      try {
        const res = await fetch('api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
          body: JSON.stringify({ method, input }),
          credentials: 'same-origin',
          keepalive: options?.keepalive ?? false,
        });
        return (await res.json()) as ApiResponse;
      } catch {
        return UNAVAILABLE;
      }
    },
    onEvent: (listener) => {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

export function createTransport(): Transport {
  return window.newsroom ? bridgeTransport(window.newsroom) : httpTransport();
}
