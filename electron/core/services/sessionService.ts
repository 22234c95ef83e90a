import { createHash, randomBytes } from 'node:crypto';
import type { CoreContext, Actor } from '../context';
import type { RoleCode } from '../../../shared/domain/roles';
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
 */
export class SessionService {
  private readonly sessions = new Map<string, SessionEntry>();

  constructor(private readonly ctx: CoreContext) {}

  open(userId: string, transport: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(hashToken(token), { userId, transport, expiresAt: Date.now() + IDLE_MS });
    return token;
  }

  /** The actor behind a token, or null when the token is unknown, expired or its user disabled. */
  async resolve(token: string): Promise<Actor | null> {
    const tokenHash = hashToken(token);
    const entry = this.sessions.get(tokenHash);
    if (!entry) return null;
    const now = Date.now();
    if (entry.expiresAt < now) {
      this.sessions.delete(tokenHash);
      return null;
    }
    const user = await this.ctx.repos.users.byId(entry.userId);
    if (!user || user.disabled) {
      this.sessions.delete(tokenHash);
      return null;
    }
    entry.expiresAt = now + IDLE_MS;
    return {
      user: toSummary(user),
      privileges: new Set(await this.ctx.repos.roles.privilegesOf(user.roles as RoleCode[])),
      tokenHash,
    };
  }

  close(tokenHash: string): void {
    this.sessions.delete(tokenHash);
  }
}
