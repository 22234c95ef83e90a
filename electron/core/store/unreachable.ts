/** Node's socket errors: the server is down, restarting or not where the URL says. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'ENETUNREACH']);
/** SQLSTATEs for a server shutting down, starting up, or out of connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres reports a dropped or never-opened connection by message only. */
const LOST = /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Connection ended/i;

/**
 * Whether a failure means the database could not be reached (as opposed to refusing the statement).
 * PostgreSQL rolls back a transaction whose connection dropped, so nothing of it is written; only a
 * connection lost during COMMIT itself leaves the outcome unknown, and a save's version check makes
 * its retry safe either way.
 */
export function isStoreUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && LOST.test(message);
}
