import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Core } from '../core/core';
import type { ApiEvent } from '../../shared/api/events';
import type { ApiResponse } from '../../shared/api/errors';
import { allowedHostHeaders } from './allowedHosts';
import { EventStreams } from './eventStreams';
import { BodyTooLarge, readBoundedBody } from './requestBody';
import { isAllowedHostHeader, isAllowedOrigin, readCookie, SECURITY_HEADERS } from './security';
import { resolveStatic } from './staticFiles';

/** A 200,000-character article as Tiptap JSON, or 5 MB of pasted HTML cleaned client-side, fits easily. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Without a session only signing in and first-run setup can be called: their bodies are small. */
export const MAX_SIGNED_OUT_BODY_BYTES = 64 * 1024;
const DISCARD_MS = 2000;
/** Required on API calls: a foreign page cannot add it to a simple cross-site request. */
export const API_HEADER = 'x-newsroom-client';

export interface HostOptions {
  core: Core;
  staticDir: string;
  host: string;
  port: number;
  /** `--public-name`: further Host names to answer (see allowedHosts.ts) */
  publicNames?: readonly string[];
}

export interface RunningHost {
  url: string;
  port: number;
  /** the Host header values answered, as name:port */
  allowedHosts: ReadonlySet<string>;
  close(): Promise<void>;
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

function refuse(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 413 ? 'VALIDATION' : 'BAD_REQUEST';
  const body: ApiResponse = { ok: false, error: { code, message } };
  sendJson(res, status, body, headers);
}

/**
 * Answers before the body is read. Closing at once would reset the connection under a client still
 * sending, which then reports a network error instead of this answer; so what it still sends is
 * dropped (never kept) for a moment, and the connection is cut if it has not finished by then.
 */
function refuseUnread(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string): void {
  const cut = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  req.once('end', () => clearTimeout(cut));
  req.resume();
  refuse(res, status, message);
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { core } = options;
  let allowedHosts = new Set<string>();
  let cookieName = 'newsroom_session';
  const streams = new EventStreams((token) => core.sessionUserId(token) !== null);
  const unsubscribe = core.subscribe((event: ApiEvent) => streams.publish(event));

  function sessionCookie(token: string | null): string {
    return token === null
      ? `${cookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
      : `${cookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers[API_HEADER] !== '1') return refuse(res, 400, '请求缺少客户端标识。');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, '请求格式应为 JSON。');
    // The session decides how much body is read at all: without one, only a sign-in's worth.
    const token = readCookie(req.headers.cookie, cookieName);
    const signedIn = token !== null && core.sessionUserId(token) !== null;
    let text: string;
    try {
      text = (await readBoundedBody(req, signedIn ? MAX_BODY_BYTES : MAX_SIGNED_OUT_BODY_BYTES)).toString('utf8');
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      if (!signedIn) return refuseUnread(req, res, 401, '登录已失效，请重新登录。');
      return refuseUnread(req, res, 413, `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB 的上限，未处理。`);
    }
    let payload: { method?: unknown; input?: unknown };
    try {
      payload = JSON.parse(text) as { method?: unknown; input?: unknown };
    } catch {
      return refuse(res, 400, '请求内容不是有效的 JSON。');
    }
    if (payload === null || typeof payload !== 'object') return refuse(res, 400, '请求内容不是有效的 JSON 对象。');
    const method = typeof payload.method === 'string' ? payload.method : '';
    const outcome = await core.dispatch({ sessionToken: token, transport: 'browser', peer: req.socket.remoteAddress ?? null }, method, payload.input);
    const headers: Record<string, string> = {};
    if (outcome.session) headers['Set-Cookie'] = sessionCookie('set' in outcome.session ? outcome.session.set : null);
    let status = 200;
    if (!outcome.response.ok && outcome.response.error.code === 'UNAUTHENTICATED') status = 401;
    if (!outcome.response.ok && outcome.response.error.code === 'RATE_LIMITED') {
      status = 429;
      const wait = (outcome.response.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (wait !== undefined) headers['Retry-After'] = String(wait);
    }
    sendJson(res, status, outcome.response, headers);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    const token = readCookie(req.headers.cookie, cookieName);
    const userId = token === null ? null : core.sessionUserId(token);
    if (token === null || userId === null) return refuse(res, 401, '登录已失效，请重新登录。');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.open(token, userId, req, res);
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
    fs.createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHostHeader(req.headers.host, allowedHosts)) return refuse(res, 421, '主机名不被允许。');
    if (!isAllowedOrigin(req.headers.origin, allowedHosts)) return refuse(res, 403, '拒绝来自其他网站的请求。');
    const url = req.url ?? '/';
    if (url === '/api/call') {
      if (req.method !== 'POST') return refuse(res, 405, '只接受 POST 请求。');
      return handleCall(req, res);
    }
    if (url === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, '只接受 GET 请求。');
      return handleEvents(req, res);
    }
    if (url.startsWith('/api/')) return refuse(res, 404, '未知的接口。');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '只接受 GET 请求。');
    handleStatic(req, res);
  }

  // No request's failure may end the process that serves everyone else.
  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[newsroom] host request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误，请重试。' } }, { Connection: 'close' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = allowedHostHeaders({
        bound: options.host,
        port,
        publicNames: options.publicNames ?? [],
        machineName: os.hostname(),
        interfaces: os.networkInterfaces(),
      });
      // Cookies are shared across ports on one host: name ours by port so two hosts never swap sessions.
      cookieName = `newsroom_session_${port}`;
      const local = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
      resolve({
        url: `http://${local.includes(':') ? `[${local}]` : local}:${port}`,
        port,
        allowedHosts,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            streams.closeAll();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
