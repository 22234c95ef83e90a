/**
 * Failed sign-ins, counted per account and per address. After a number of free failures each
 * further one locks the key for a delay that doubles up to a cap; while locked, every attempt is
 * refused before the password is looked at, the right one included (else guessing would only be
 * slowed for wrong answers). Kept behind this interface so it can later be backed by the database
 * for several server processes.
 */
export interface LoginThrottle {
  /** When attempts for these keys may resume (ms since the epoch), or null when they may go ahead now. */
  lockedUntil(keys: ThrottleKeys): number | null;
  /** Counts a failure; says whether this failure is one of the first (worth an audit row) or began a lock-out. */
  recordFailure(keys: ThrottleKeys): FailureRecord;
  /** A successful sign-in clears the account's count (not the address's: one good account must not reset guessing at others). */
  recordSuccess(keys: ThrottleKeys): void;
}

export interface ThrottleKeys {
  /** the user name as typed, lower-cased */
  account: string;
  /** the peer address, or `local` for the desktop window and the CLI */
  address: string;
}

export interface FailureRecord {
  /** set when this failure locked the account or address (or lengthened the lock) */
  lockedUntil: number | null;
  /** within the free failures: each is worth recording on its own */
  early: boolean;
}

export interface ThrottlePolicy {
  /** failures an account gets before delays begin */
  accountFreeFailures: number;
  /** failures an address gets before delays begin: higher, since several people may share one (a NAT, the loopback host) */
  addressFreeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** a key quiet this long starts over */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 60 * 60 * 1000,
};

interface Counter {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** Bounds memory under a spray of made-up user names: the oldest counters go first. */
const MAX_KEYS = 10_000;

export class MemoryLoginThrottle implements LoginThrottle {
  private readonly accounts = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  ) {}

  lockedUntil(keys: ThrottleKeys): number | null {
    const now = this.now();
    const until = Math.max(this.counter(this.accounts, keys.account, now)?.lockedUntil ?? 0, this.counter(this.addresses, keys.address, now)?.lockedUntil ?? 0);
    return until > now ? until : null;
  }

  recordFailure(keys: ThrottleKeys): FailureRecord {
    const now = this.now();
    const account = this.bump(this.accounts, keys.account, this.policy.accountFreeFailures, now);
    const address = this.bump(this.addresses, keys.address, this.policy.addressFreeFailures, now);
    const lockedUntil = Math.max(account.lockedUntil, address.lockedUntil);
    return {
      lockedUntil: lockedUntil > now ? lockedUntil : null,
      early: account.failures <= this.policy.accountFreeFailures && address.failures <= this.policy.addressFreeFailures,
    };
  }

  recordSuccess(keys: ThrottleKeys): void {
    this.accounts.delete(keys.account);
  }

  private counter(map: Map<string, Counter>, key: string, now: number): Counter | null {
    const counter = map.get(key);
    if (!counter) return null;
    if (now - counter.lastFailureAt > this.policy.forgetAfterMs && counter.lockedUntil <= now) {
      map.delete(key);
      return null;
    }
    return counter;
  }

  private bump(map: Map<string, Counter>, key: string, free: number, now: number): Counter {
    const counter = this.counter(map, key, now) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    counter.failures += 1;
    counter.lastFailureAt = now;
    if (counter.failures > free) {
      const delay = Math.min(this.policy.firstDelayMs * 2 ** Math.min(counter.failures - free - 1, 30), this.policy.maxDelayMs);
      counter.lockedUntil = now + delay;
    }
    // Re-inserted so the map's order is the order of last failure, oldest first.
    map.delete(key);
    map.set(key, counter);
    if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
    return counter;
  }
}
