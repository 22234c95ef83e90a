import type { Store } from '../store/store';
import type { SessionEndReason } from '../../../shared/api/events';

export interface StoredSession {
  tokenHash: string;
  userId: string;
  transport: string;
  expiresAt: number;
  ended: boolean;
}

interface SessionRow {
  token_hash: string;
  user_id: string;
  transport: string;
  expires_at: number;
  ended_at: string | null;
}

const toSession = (row: SessionRow): StoredSession => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  transport: row.transport,
  expiresAt: Number(row.expires_at),
  ended: row.ended_at !== null,
});

/** Sessions by the hash of their token (migration 012); an ended session stays, marked, until swept. */
export class SessionRepository {
  constructor(private readonly store: Store) {}

  async insert(session: Omit<StoredSession, 'ended'>, at: string): Promise<void> {
    await this.store.run('INSERT INTO sessions (token_hash, user_id, transport, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      session.tokenHash,
      session.userId,
      session.transport,
      at,
      session.expiresAt,
    ]);
  }

  async get(tokenHash: string): Promise<StoredSession | null> {
    const row = await this.store.get<SessionRow>('SELECT token_hash, user_id, transport, expires_at, ended_at FROM sessions WHERE token_hash = ?', [tokenHash]);
    return row ? toSession(row) : null;
  }

  async extend(tokenHash: string, expiresAt: number): Promise<void> {
    await this.store.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ? AND ended_at IS NULL', [expiresAt, tokenHash]);
  }

  /** Ends the given live sessions; returns those it ended. */
  async end(tokenHashes: readonly string[], reason: SessionEndReason, at: string): Promise<string[]> {
    if (tokenHashes.length === 0) return [];
    const listed = this.store.anyOf('token_hash', tokenHashes);
    const live = await this.store.all<{ token_hash: string }>(`SELECT token_hash FROM sessions WHERE ended_at IS NULL AND ${listed.sql}`, [listed.param]);
    await this.store.run(`UPDATE sessions SET ended_at = ?, ended_reason = ? WHERE ended_at IS NULL AND ${listed.sql}`, [at, reason, listed.param]);
    return live.map((r) => r.token_hash);
  }

  async liveOf(userId: string): Promise<StoredSession[]> {
    return (await this.store.all<SessionRow>('SELECT token_hash, user_id, transport, expires_at, ended_at FROM sessions WHERE user_id = ? AND ended_at IS NULL', [userId])).map(toSession);
  }

  /** Live sessions idle past their time. */
  async expired(now: number): Promise<StoredSession[]> {
    return (await this.store.all<SessionRow>('SELECT token_hash, user_id, transport, expires_at, ended_at FROM sessions WHERE ended_at IS NULL AND expires_at < ?', [now])).map(toSession);
  }

  /** Ended and expired rows older than `before` are of no further use. */
  async sweep(before: number, beforeIso: string): Promise<void> {
    await this.store.run('DELETE FROM sessions WHERE (ended_at IS NOT NULL AND ended_at < ?) OR expires_at < ?', [beforeIso, before]);
  }
}
