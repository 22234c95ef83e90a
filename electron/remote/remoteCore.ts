import http from 'node:http';
import https from 'node:https';
import { ERROR_CODES, type ApiResponse } from '../../shared/api/errors';
import type { ApiEvent } from '../../shared/api/events';
import type { DispatchOutcome } from '../core/dispatcher';
import { BEARER_CLIENT, API_HEADER, SESSION_HEADER } from '../host/server';
import { CertificateChanged, isUntrustedCertificate, tlsOptions, type PinnedCertificate } from './serverTls';

/** Long enough for a 32 MB save over a slow line; a server that stops answering altogether is given up on. */
const REQUEST_IDLE_MS = 60_000;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15_000;

export interface RemoteOptions {
  /** `https://host:port` (see parseServerAddress) */
  address: string;
  /** the accepted certificate of a self-signed server; null for plain HTTP or a publicly trusted one */
  pin: PinnedCertificate | null;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const unavailable = (message: string): ApiResponse => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

/** Why a request never got an answer, as one sentence for a person. */
export function describeNetworkFailure(address: string, error: unknown, pinned = false): string {
  if (error instanceof CertificateChanged) return error.message;
  const code = (error as { code?: string }).code ?? '';
  // With a pin, that certificate is the only authority: any other fails the chain before the identity check.
  if (pinned && isUntrustedCertificate(error)) return new CertificateChanged(null).message;
  if (isUntrustedCertificate(error)) {
    return `编辑部服务器 ${address} 的证书不受信任（${code || (error as Error).message}），已停止连接，没有发送任何内容。请向管理员核对证书。`;
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: '服务器没有响应（连接被拒绝），可能没有启动',
    ENOTFOUND: '找不到这个主机名',
    EAI_AGAIN: '暂时无法解析这个主机名',
    ETIMEDOUT: '连接超时',
    ECONNRESET: '连接被中断',
    EHOSTUNREACH: '网络不通',
    ENETUNREACH: '网络不通',
    EPROTO: '对方不是 HTTPS 服务（请核对地址开头是 https:// 还是 http://）',
  };
  const reason = reasons[code] ?? ((error as Error).message || '网络错误');
  return `无法连接到编辑部服务器 ${address}：${reason}。请检查网络后重试；您的修改仍保留在此窗口中。`;
}

/** An answer that is one of ours: JSON with `ok` and either a result or an error we know. */
function parseApiResponse(text: string): ApiResponse | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const answer = value as { ok?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } };
  if (answer.ok === true && 'result' in answer) return answer as ApiResponse;
  if (answer.ok !== false || typeof answer.error !== 'object' || answer.error === null) return null;
  const { code, message } = answer.error;
  if (typeof message !== 'string' || !(ERROR_CODES as readonly unknown[]).includes(code)) return null;
  return answer as ApiResponse;
}

/** Server-sent events as our host writes them: `event:` and `data:` lines, a blank line ending each. */
function sseFrames(onFrame: (name: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0 || name !== 'message') onFrame(name, data.join('\n'));
    }
  };
}

/**
 * The desktop app's line to a newsroom server: the same calls and events the local core gives the
 * windows, over HTTP(S) with the session as a bearer token. A request that gets no answer becomes
 * an UNAVAILABLE sentence, never an exception; the event streams reconnect by themselves and say
 * `events.resumed` after a gap, so what is on screen refetches.
 */
export class RemoteCore {
  readonly address: string;
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly statusListeners = new Set<(online: boolean) => void>();
  private readonly streams = new Set<() => void>();
  private readonly pinned: boolean;
  private online = true;

  constructor(options: RemoteOptions) {
    this.address = options.address;
    this.pinned = options.pin !== null;
    this.base = new URL(options.address);
    this.agent =
      this.base.protocol === 'https:' ? new https.Agent({ keepAlive: true, ...tlsOptions(options.pin) }) : new http.Agent({ keepAlive: true });
  }

  isOnline(): boolean {
    return this.online;
  }

  /** Told when the server stops or starts answering. */
  onStatus(listener: (online: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async dispatch(sessionToken: string | null, method: string, input: unknown): Promise<DispatchOutcome> {
    try {
      return await this.exchange(sessionToken, method, input);
    } catch (error) {
      return { response: unavailable(describeNetworkFailure(this.address, error, this.pinned)) };
    }
  }

  /** One call; a request that got no answer throws what went wrong (a TLS verdict, a refused connection…). */
  async exchange(sessionToken: string | null, method: string, input: unknown): Promise<DispatchOutcome> {
    let answer: Answer;
    try {
      answer = await this.request('POST', '/api/call', sessionToken, JSON.stringify({ method, input }));
    } catch (error) {
      this.setOnline(false);
      throw error;
    }
    this.setOnline(true);
    const response = parseApiResponse(answer.body);
    if (response === null) {
      return {
        response: unavailable(`${this.address} 上的程序不是编辑部服务器（HTTP ${answer.status}，回答不是编辑部接口的格式）。请核对地址和端口。`),
      };
    }
    const next = answer.headers[SESSION_HEADER];
    if (typeof next !== 'string') return { response };
    return { response, session: next === '' ? { clear: true } : { set: next } };
  }

  /**
   * The server's event stream for one session. `sessionGone` is told when the server no longer
   * knows the session (the stream is then closed for good); until then it reconnects after any
   * break, waiting longer each time up to 15 s. Returns the function that closes it.
   */
  openEvents(sessionToken: string, onEvent: (event: ApiEvent) => void, sessionGone: () => void): () => void {
    let stopped = false;
    let gap = false;
    let delay = RETRY_FIRST_MS;
    let req: http.ClientRequest | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const retry = () => {
      req = null;
      if (stopped) return;
      gap = true;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };
    const connect = () => {
      timer = null;
      if (stopped) return;
      const current = this.send('GET', '/api/events', sessionToken, (res) => {
        if (res.statusCode === 401) {
          res.resume();
          void this.confirmSessionGone(sessionToken).then((isGone) => {
            if (stopped) return;
            if (!isGone) return retry();
            stop();
            sessionGone();
          });
          return;
        }
        if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.resume();
          retry();
          return;
        }
        this.setOnline(true);
        delay = RETRY_FIRST_MS;
        if (gap) onEvent({ type: 'events.resumed' });
        gap = false;
        res.setEncoding('utf8');
        const feed = sseFrames((name, data) => {
          if (name !== 'message') return;
          try {
            onEvent(JSON.parse(data) as ApiEvent);
          } catch {
            // A frame cut by a broken line: the refetch after events.resumed covers it.
          }
        });
        res.on('data', feed);
        res.once('close', () => {
          if (current === req) retry();
        });
      });
      current.on('error', () => {
        this.setOnline(false);
        if (current === req) retry();
      });
      current.end();
      req = current;
    };
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const open = req;
      req = null;
      open?.destroy();
      this.streams.delete(stop);
    };
    this.streams.add(stop);
    connect();
    return stop;
  }

  /**
   * A server process knows a session's stream only once a call has resolved it (after a restart, say),
   * so a refused stream is checked with a call before the window is told its session ended.
   */
  private async confirmSessionGone(sessionToken: string): Promise<boolean> {
    try {
      const { response } = await this.exchange(sessionToken, 'auth.me', {});
      return !response.ok && response.error.code === 'UNAUTHENTICATED';
    } catch {
      return false;
    }
  }

  close(): void {
    for (const stop of [...this.streams]) stop();
    this.statusListeners.clear();
    this.agent.destroy();
  }

  private setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of this.statusListeners) listener(online);
  }

  private send(method: string, path: string, sessionToken: string | null, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = { [API_HEADER]: BEARER_CLIENT };
    if (method === 'POST') headers['Content-Type'] = 'application/json; charset=utf-8';
    if (sessionToken !== null) headers['Authorization'] = `Bearer ${sessionToken}`;
    const requester = url.protocol === 'https:' ? https.request : http.request;
    return requester(url, { method, headers, agent: this.agent }, onResponse);
  }

  private request(method: string, path: string, sessionToken: string | null, body: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = this.send(method, path, sessionToken, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.once('error', reject);
      });
      req.setTimeout(REQUEST_IDLE_MS, () => req.destroy(Object.assign(new Error('连接超时'), { code: 'ETIMEDOUT' })));
      req.once('error', reject);
      req.end(body);
    });
  }
}
