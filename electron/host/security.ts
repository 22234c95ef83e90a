import { CONTENT_SECURITY_POLICY } from '../../shared/api/contentSecurityPolicy';

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * DNS rebinding: a foreign page can point its own name at 127.0.0.1, but it
 * cannot make the browser send our Host header. Only names we bound answer.
 */
export function isAllowedHostHeader(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** Cross-site requests carry a foreign Origin; same-origin fetches carry ours (or none for GET). */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>, protocol: 'http:' | 'https:' = 'http:'): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return allowed.has(url.host.toLowerCase()) && url.protocol === protocol;
  } catch {
    return false;
  }
}

/**
 * Our session cookie's value, or null. Only our own cookie is decoded: cookies ignore ports, so any
 * page on another local port can set one the host then receives, and a value that is not valid
 * percent-encoding must not turn every request into a failure.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}
