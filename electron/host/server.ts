import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core';
import { eventAudience, type ApiEvent } from '../../shared/api/events';
import type { ApiResponse } from '../../shared/api/errors';
import { isAllowedHostHeader, isAllowedOrigin, parseCookies, SECURITY_HEADERS } from './security';
import { resolveStatic } from './staticFiles';

/** A 200,000-character article as Tiptap JSON, or 5 MB of pasted HTML cleaned client-side, fits easily. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Required on API calls: a foreign page cannot add it to a simple cross-site request. */
export const API_HEADER = 'x-newsroom-client';

export interface HostOptions {
  core: Core;
  staticDir: string;
  host: string;
  port: number;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface EventClient {
  token: string;
  res: http.ServerResponse;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  const body: ApiResponse = { ok: false, error: { code: status === 401 ? 'UNAUTHENTICATED' : 'BAD_REQUEST', message } };
  sendJson(res, status, body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { core } = options;
  const allowedHosts = new Set<string>();
  let cookieName = 'newsroom_session';
  const eventClients = new Set<EventClient>();

  // One event's fan-out finishes before the next starts, so every stream sees events in commit order.
  let fanOut = Promise.resolve();
  const unsubscribe = core.subscribe((event: ApiEvent) => {
    fanOut = fanOut.then(async () => {
      const audience = eventAudience(event);
      const data = `data: ${JSON.stringify(event)}\n\n`;
      for (const client of eventClients) {
        const userId = await core.sessionUserId(client.token);
        if (!userId) {
          client.res.end();
          eventClients.delete(client);
          continue;
        }
        if (audience === null || audience === userId) client.res.write(data);
      }
    }).catch((error: unknown) => console.error('[newsroom] event delivery failed:', error));
  });

  function sessionCookie(token: string | null): string {
    return token === null
      ? `${cookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
      : `${cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers[API_HEADER] !== '1') return refuse(res, 400, '请求缺少客户端标识。');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415 as number, '请求格式应为 JSON。');
    let payload: { method?: unknown; input?: unknown };
    try {
      payload = JSON.parse(await readBody(req)) as { method?: unknown; input?: unknown };
    } catch {
      return refuse(res, 400, '请求内容不是有效的 JSON，或超过了大小上限。');
    }
    if (payload === null || typeof payload !== 'object') return refuse(res, 400, '请求内容不是有效的 JSON 对象。');
    const token = parseCookies(req.headers.cookie).get(cookieName) ?? null;
    const method = typeof payload.method === 'string' ? payload.method : '';
    const outcome = await core.dispatch({ sessionToken: token, transport: 'browser' }, method, payload.input);
    const headers: Record<string, string> = {};
    if (outcome.session) headers['Set-Cookie'] = sessionCookie('set' in outcome.session ? outcome.session.set : null);
    const status = outcome.response.ok ? 200 : outcome.response.error.code === 'UNAUTHENTICATED' ? 401 : 200;
    sendJson(res, status, outcome.response, headers);
  }

  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const token = parseCookies(req.headers.cookie).get(cookieName);
    if (!token || !(await core.sessionUserId(token))) return refuse(res, 401, '登录已失效，请重新登录。');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const client: EventClient = { token, res };
    eventClients.add(client);
    req.on('close', () => eventClients.delete(client));
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
    const found = resolveStatic(options.staticDir, req.url ?? '/');
    if (!found) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('未找到');
      return;
    }
    const immutable = req.url?.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(found.file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    if (!isAllowedHostHeader(req.headers.host, allowedHosts)) return refuse(res, 421 as number, '主机名不被允许。');
    if (!isAllowedOrigin(req.headers.origin, allowedHosts)) return refuse(res, 403, '拒绝来自其他网站的请求。');
    const url = req.url ?? '/';
    if (url === '/api/call') {
      if (req.method !== 'POST') return refuse(res, 405, '只接受 POST 请求。');
      handleCall(req, res).catch((error: unknown) => {
        console.error('[newsroom] host call failed:', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误，请重试。' } });
      });
      return;
    }
    if (url === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, '只接受 GET 请求。');
      handleEvents(req, res).catch((error: unknown) => {
        console.error('[newsroom] event stream failed:', error);
        if (!res.headersSent) refuse(res, 500, '服务器内部错误，请重试。');
      });
      return;
    }
    if (url.startsWith('/api/')) return refuse(res, 404, '未知的接口。');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '只接受 GET 请求。');
    handleStatic(req, res);
  });
  server.keepAliveTimeout = 5000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
      allowedHosts.add(`${hostPart}:${port}`);
      if (hostPart === '127.0.0.1') allowedHosts.add(`localhost:${port}`);
      // Cookies are shared across ports on one host: name ours by port so two hosts never swap sessions.
      cookieName = `newsroom_session_${port}`;
      resolve({
        url: `http://${hostPart}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of eventClients) client.res.end();
            eventClients.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
