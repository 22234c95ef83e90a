import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
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
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Without a session only signing in and first-run setup can be called: their bodies are small. */
const MAX_SIGNED_OUT_BODY_BYTES = 64 * 1024;
const DISCARD_MS = 2000;
/** Required on API calls: a foreign page cannot add it to a simple cross-site request. */
export const API_HEADER = 'x-newsroom-client';
/** The value a program (the desktop app's main process) sends to hold its session as a bearer token. */
export const BEARER_CLIENT = 'desktop';
/** Where a bearer client receives its session token when it signs in. */
export const SESSION_HEADER = 'x-newsroom-session';

/** One line of the newsroom server's log: a request, who made it and how long it took. */
interface RequestLog {
  at: string;
  method: string;
  path: string;
  /** the API method called, for /api/call */
  api?: string;
  user: string | null;
  status: number;
  ms: number;
}

export interface HostOptions {
  core: Core;
  staticDir: string;
  host: string;
  port: number;
  /** `--public-name`: further Host names to answer (see allowedHosts.ts) */
  publicNames?: readonly string[];
  /** HTTPS with this certificate and key; session cookies are then Secure. */
  tls?: { cert: Buffer; key: Buffer };
  /**
   * The newsroom server: a program that sends `X-Newsroom-Client: desktop` and no Origin (the desktop
   * app's main process) holds its session as `Authorization: Bearer …` instead of a cookie, and
   * GET /healthz answers a load balancer.
   */
  server?: boolean;
  /** One call per request, after its answer went out. */
  log?: (entry: RequestLog) => void;
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

/**
 * A bearer client: a program, not a page. A browser always sends Origin with a POST, so a page can
 * never ask for its session token in a response header, where its script could read it.
 */
function isBearerClient(req: http.IncomingMessage, options: HostOptions): boolean {
  return options.server === true && req.headers[API_HEADER] === BEARER_CLIENT && req.headers.origin === undefined;
}

function bearerToken(req: http.IncomingMessage): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { core } = options;
  let allowedHosts = new Set<string>();
  let cookieName = 'newsroom_session';
  const secure = options.tls !== undefined;
  const streams = new EventStreams((token) => core.sessionUserId(token) !== null);
  const unsubscribe = core.subscribe((event: ApiEvent) => streams.publish(event));

  function sessionCookie(token: string | null): string {
    const flags = `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
    return token === null ? `${cookieName}=; ${flags}; Max-Age=0` : `${cookieName}=${encodeURIComponent(token)}; ${flags}`;
  }

  /** The caller's session token: a bearer client's from its Authorization header, a page's from our cookie. */
  function tokenOf(req: http.IncomingMessage): string | null {
    return isBearerClient(req, options) ? bearerToken(req) : readCookie(req.headers.cookie, cookieName);
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const bearer = isBearerClient(req, options);
    if (req.headers[API_HEADER] !== '1' && !bearer) return refuse(res, 400, '请求缺少客户端标识。');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, '请求格式应为 JSON。');
    // The session decides how much body is read at all: without one, only a sign-in's worth.
    const token = tokenOf(req);
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
    logged.set(req, method);
    const outcome = await core.dispatch({ sessionToken: token, transport: 'browser', peer: req.socket.remoteAddress ?? null }, method, payload.input);
    const headers: Record<string, string> = {};
    if (outcome.session) {
      const next = 'set' in outcome.session ? outcome.session.set : null;
      if (bearer) headers[SESSION_HEADER] = next ?? '';
      else headers['Set-Cookie'] = sessionCookie(next);
    }
    let status = 200;
    if (!outcome.response.ok && outcome.response.error.code === 'UNAUTHENTICATED') status = 401;
    if (!outcome.response.ok && outcome.response.error.code === 'RATE_LIMITED') {
      status = 429;
      const wait = (outcome.response.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (wait !== undefined) headers['Retry-After'] = String(wait);
    }
    sendJson(res, status, outcome.response, headers);
  }

  // A stream may be the first request a session makes of this process (after a restart, or behind a
  // load balancer): the session is looked up in the database, not only in this process's memory.
  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const token = tokenOf(req);
    const userId = token === null ? null : await core.resolveSessionUser(token);
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

  /** For a load balancer: 200 while this process and its store answer, 503 otherwise. */
  async function handleHealth(res: http.ServerResponse): Promise<void> {
    const health = await core.health();
    sendJson(res, health.ok ? 200 : 503, health);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    // Asked by address, with no Host name the server knows, and never by a page.
    if (options.server && url === '/healthz' && req.method === 'GET') return handleHealth(res);
    if (!isAllowedHostHeader(req.headers.host, allowedHosts)) return refuse(res, 421, '主机名不被允许。');
    if (!isAllowedOrigin(req.headers.origin, allowedHosts, secure ? 'https:' : 'http:')) return refuse(res, 403, '拒绝来自其他网站的请求。');
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

  /** The API method of each /api/call, for its log line. */
  const logged = new WeakMap<http.IncomingMessage, string>();
  function logWhenDone(req: http.IncomingMessage, res: http.ServerResponse): void {
    const log = options.log;
    if (!log) return;
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const token = req.url === '/api/call' || req.url === '/api/events' ? tokenOf(req) : null;
      const api = logged.get(req);
      log({
        at: new Date().toISOString(),
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0]!,
        ...(api ? { api } : {}),
        user: token === null ? null : core.sessionUserId(token),
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      });
    });
  }

  // No request's failure may end the process that serves everyone else.
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    logWhenDone(req, res);
    route(req, res).catch((error: unknown) => {
      console.error('[newsroom] host request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误，请重试。' } }, { Connection: 'close' });
      else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handle) : http.createServer(handle);
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
        url: `${secure ? 'https' : 'http'}://${local.includes(':') ? `[${local}]` : local}:${port}`,
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
