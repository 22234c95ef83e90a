/**
 * Which newsroom the desktop app works in: the single-seat one in its own data folder, or a newsroom
 * server on the network. Chosen on the first-run screen and kept by the main process; the renderer
 * asks and changes it only through the bridge's `desk` functions (desktop only).
 */
export type DeskConnection =
  | { mode: 'local' }
  | {
      mode: 'remote';
      /** the server's address as the user gave it, normalised (scheme, host, port; no path) */
      address: string;
      /** whether the last request or event stream reached the server */
      online: boolean;
      /** the signed-in session is kept across starts (Electron's safeStorage); false: sign in each start */
      tokenKept: boolean;
    };

/** A server's certificate as the first connection found it, for the user to compare and accept. */
export interface ServerCertificate {
  /** SHA-256 of the DER certificate, as upper-case hex pairs joined by colons (what browsers and openssl show) */
  fingerprint: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** why the system's certificate authorities do not vouch for it (self-signed, another name, …) */
  reason: string;
}

/**
 * What looking at a server before connecting found: ready to connect (plain HTTP, or a publicly
 * trusted certificate), or a certificate the user must look at and pin first.
 */
export type ServerProbe =
  | { ok: true; address: string; certificate: ServerCertificate | null; encrypted: boolean }
  | { ok: false; message: string };

export type DeskReply = { ok: true } | { ok: false; message: string };

/** `npm run server`'s port when none is given. */
const SERVER_DEFAULT_PORT = 5790;

/**
 * The address a user typed, as `scheme://host[:port]`, or the sentence saying why not. A bare
 * host name means HTTPS on the server's default port.
 */
export function parseServerAddress(text: string): { ok: true; address: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: '请填写编辑部服务器的地址。' };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(?!\d)/.exec(trimmed)?.[1];
  if (scheme !== undefined && !/^https?$/i.test(scheme)) {
    return { ok: false, message: `编辑部服务器的地址应以 https:// 或 http:// 开头，收到：${scheme}:` };
  }
  const withScheme = scheme === undefined ? `https://${trimmed}` : trimmed;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${trimmed}”不是有效的网址，例如：https://newsroom.example.cn:5790` };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, message: '地址里不能包含用户名或密码，请在登录界面填写。' };
  if (url.hostname === '') return { ok: false, message: `“${trimmed}”缺少主机名。` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, message: '地址只需要主机名和端口，例如：https://newsroom.example.cn:5790' };
  }
  // Typed bare, with no port: the server's own default. With a scheme, the scheme's (a server behind a proxy on 443).
  const bareWithoutPort = withScheme !== trimmed && !/^(\[[^\]]*\]|[^:]*):\d+\/?$/.test(trimmed);
  const port = url.port !== '' ? `:${url.port}` : bareWithoutPort ? `:${SERVER_DEFAULT_PORT}` : '';
  return { ok: true, address: `${url.protocol}//${url.hostname}${port}` };
}
