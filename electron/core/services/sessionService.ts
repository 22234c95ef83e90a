import { createHash, randomBytes } from 'node:crypto';
import type { CoreContext, Actor } from '../context';
import type { RoleCode } from '../../../shared/domain/roles';
import type { SessionEndReason } from '../../../shared/api/events';
import { toSummary } from '../repositories/userRepository';

/** A newsroom night is long: a session lives while it is used, and dies after 12 idle hours. */
const IDLE_MS = 12 * 60 * 60 * 1000;
/** A used session's expiry is written back at most this often: a request need not be a write. */
const EXTEND_EVERY_MS = 5 * 60 * 1000;
/** Ended and expired rows are kept this long (for the record) before they are swept. */
const KEEP_ENDED_MS = 7 * 24 * 60 * 60 * 1000;

interface KnownSession {
  userId: string;
  expiresAt: number;
  /** when the expiry was last written to the database */
  extendedAt: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Sessions, kept in the database by a hash of their token, so several server processes share them
 * and a restart signs nobody out (a read-only data folder keeps them in memory only). Each process
 * also keeps the sessions it has seen in memory: `holder` answers from there without a read (for
 * the adapters' windows and event streams), and every session that ends is announced
 * (`session.ended`), here and in the other processes, which forget it too.
 */
export class SessionService {
  private readonly known = new Map<string, KnownSession>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly now: () => number = Date.now,
  ) {}

  private get stored(): boolean {
    return this.ctx.readOnlyReason === null;
  }

  async open(userId: string, transport: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const now = this.now();
    const expiresAt = now + IDLE_MS;
    if (this.stored) await this.ctx.repos.sessions.insert({ tokenHash, userId, transport, expiresAt }, new Date(now).toISOString());
    this.known.set(tokenHash, { userId, expiresAt, extendedAt: now });
    return token;
  }

  /**
   * The actor behind a token, or null when the token is unknown, ended, expired or its user disabled.
   * Read from the database each time, so a session ended by another process is refused at once.
   */
  async resolve(token: string): Promise<Actor | null> {
    const tokenHash = hashToken(token);
    const now = this.now();
    const session = this.stored ? await this.ctx.repos.sessions.get(tokenHash) : this.memoryOnly(tokenHash);
    if (!session || session.ended) {
      this.known.delete(tokenHash);
      return null;
    }
    if (session.expiresAt < now) {
      await this.end([tokenHash], session.userId, 'expired');
      return null;
    }
    const user = await this.ctx.repos.users.byId(session.userId);
    if (!user || user.disabled) {
      await this.end([tokenHash], session.userId, 'disabled');
      return null;
    }
    const known = this.known.get(tokenHash) ?? { userId: user.id, expiresAt: session.expiresAt, extendedAt: 0 };
    known.expiresAt = now + IDLE_MS;
    if (this.stored && now - known.extendedAt >= EXTEND_EVERY_MS) {
      await this.ctx.repos.sessions.extend(tokenHash, known.expiresAt);
      known.extendedAt = now;
    }
    this.known.set(tokenHash, known);
    return {
      user: toSummary(user),
      privileges: new Set(await this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[])),
      tokenHash,
    };
  }

  private memoryOnly(tokenHash: string): { userId: string; expiresAt: number; ended: boolean } | null {
    const known = this.known.get(tokenHash);
    return known ? { userId: known.userId, expiresAt: known.expiresAt, ended: false } : null;
  }

  /**
   * Whose session a token is, from what this process has seen (no database read, and the idle clock
   * is not reset): for adapters checking their open windows and event streams. A session this
   * process has not yet seen answers null until a call resolves it.
   */
  holder(token: string): string | null {
    const known = this.known.get(hashToken(token));
    return known && known.expiresAt >= this.now() ? known.userId : null;
  }

  async close(tokenHash: string): Promise<void> {
    const userId = this.known.get(tokenHash)?.userId ?? (this.stored ? (await this.ctx.repos.sessions.get(tokenHash))?.userId : undefined);
    if (userId) await this.end([tokenHash], userId, 'logout');
  }

  /** Ends every session of a user, except the one given (the session that changed its own password). */
  async endAllOf(userId: string, reason: SessionEndReason, exceptTokenHash?: string): Promise<number> {
    const hashes = new Set<string>();
    for (const [tokenHash, known] of this.known) if (known.userId === userId) hashes.add(tokenHash);
    if (this.stored) for (const session of await this.ctx.repos.sessions.liveOf(userId)) hashes.add(session.tokenHash);
    if (exceptTokenHash) hashes.delete(exceptTokenHash);
    return this.end([...hashes], userId, reason);
  }

  /** Ends the sessions idle past their time, so their windows learn it without calling, and sweeps old rows. */
  async sweepExpired(): Promise<void> {
    const now = this.now();
    const byUser = new Map<string, string[]>();
    for (const [tokenHash, known] of this.known) if (known.expiresAt < now) byUser.set(known.userId, [...(byUser.get(known.userId) ?? []), tokenHash]);
    if (this.stored) {
      for (const session of await this.ctx.repos.sessions.expired(now)) byUser.set(session.userId, [...new Set([...(byUser.get(session.userId) ?? []), session.tokenHash])]);
      await this.ctx.repos.sessions.sweep(now - KEEP_ENDED_MS, new Date(now - KEEP_ENDED_MS).toISOString());
    }
    for (const [userId, hashes] of byUser) await this.end(hashes, userId, 'expired');
  }

  /**
   * Another process ended some of this user's sessions (or, with null, perhaps anyone's while this
   * process was not hearing the others): the ones this process knows are checked against the
   * database and forgotten if they ended, before the event reaches the streams.
   */
  async endedElsewhere(userId: string | null): Promise<void> {
    for (const [tokenHash, known] of this.known) {
      if (userId !== null && known.userId !== userId) continue;
      const session = await this.ctx.repos.sessions.get(tokenHash);
      if (!session || session.ended) this.known.delete(tokenHash);
    }
  }

  private async end(tokenHashes: readonly string[], userId: string, reason: SessionEndReason): Promise<number> {
    if (tokenHashes.length === 0) return 0;
    const ended = this.stored ? await this.ctx.repos.sessions.end(tokenHashes, reason, new Date(this.now()).toISOString()) : tokenHashes.filter((h) => this.known.has(h));
    for (const tokenHash of tokenHashes) this.known.delete(tokenHash);
    if (ended.length > 0) this.ctx.emit({ type: 'session.ended', userId, reason });
    return ended.length;
  }
}
