import { createHash, randomBytes } from 'node:crypto';
import type { CoreContext, Actor } from '../context';
import type { RoleCode } from '../../../shared/domain/roles';
import type { SessionEndReason } from '../../../shared/api/events';
import { toSummary } from '../repositories/userRepository';

/** A newsroom night is long: a session lives while it is used, and dies after 12 idle hours. */
const IDLE_MS = 12 * 60 * 60 * 1000;

interface SessionEntry {
  userId: string;
  transport: string;
  expiresAt: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Sessions live in memory, keyed by a hash of the token: a restart signs
 * everyone out, reads never write, and a read-only data folder still allows login.
 * Every end of a session is announced (`session.ended` to the user), so the
 * adapters close what belonged to it without asking per event.
 */
export class SessionService {
  private readonly sessions = new Map<string, SessionEntry>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly now: () => number = Date.now,
  ) {}

  open(userId: string, transport: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(hashToken(token), { userId, transport, expiresAt: this.now() + IDLE_MS });
    return token;
  }

  /** The actor behind a token, or null when the token is unknown, expired or its user disabled. Keeps the session alive. */
  async resolve(token: string): Promise<Actor | null> {
    const tokenHash = hashToken(token);
    const entry = this.live(tokenHash);
    if (!entry) return null;
    const user = await this.ctx.repos.users.byId(entry.userId);
    if (!user || user.disabled) {
      this.end([tokenHash], entry.userId, 'disabled');
      return null;
    }
    entry.expiresAt = this.now() + IDLE_MS;
    return {
      user: toSummary(user),
      privileges: new Set(await this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[])),
      tokenHash,
    };
  }

  /**
   * Whose session a token is, from memory only (no database read, and the idle clock is not reset):
   * for adapters checking their open windows and event streams.
   */
  holder(token: string): string | null {
    return this.live(hashToken(token))?.userId ?? null;
  }

  close(tokenHash: string): void {
    const entry = this.sessions.get(tokenHash);
    if (entry) this.end([tokenHash], entry.userId, 'logout');
  }

  /** Ends every session of a user, except the one given (the session that changed its own password). */
  endAllOf(userId: string, reason: SessionEndReason, exceptTokenHash?: string): number {
    const ended: string[] = [];
    for (const [tokenHash, entry] of this.sessions) {
      if (entry.userId === userId && tokenHash !== exceptTokenHash) ended.push(tokenHash);
    }
    if (ended.length > 0) this.end(ended, userId, reason);
    return ended.length;
  }

  /** Ends the sessions idle past their time, so their windows learn it without calling. */
  sweepExpired(): void {
    const now = this.now();
    const byUser = new Map<string, string[]>();
    for (const [tokenHash, entry] of this.sessions) {
      if (entry.expiresAt < now) byUser.set(entry.userId, [...(byUser.get(entry.userId) ?? []), tokenHash]);
    }
    for (const [userId, hashes] of byUser) this.end(hashes, userId, 'expired');
  }

  private live(tokenHash: string): SessionEntry | null {
    const entry = this.sessions.get(tokenHash);
    if (!entry) return null;
    if (entry.expiresAt < this.now()) {
      this.end([tokenHash], entry.userId, 'expired');
      return null;
    }
    return entry;
  }

  private end(tokenHashes: readonly string[], userId: string, reason: SessionEndReason): void {
    for (const tokenHash of tokenHashes) this.sessions.delete(tokenHash);
    this.ctx.emit({ type: 'session.ended', userId, reason });
  }
}
