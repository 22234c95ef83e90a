import type { CoreContext } from '../context';

/**
 * Failed sign-ins, counted per account and per address. After a number of free failures each
 * further one locks the key for a delay that doubles up to a cap; while locked, every attempt is
 * refused before the password is looked at, the right one included (else guessing would only be
 * slowed for wrong answers). The counts live in the database (`StoredLoginThrottle`), so every
 * server process on it counts the same guesses; a read-only data folder counts in memory.
 */
export interface LoginThrottle {
  /** When attempts for these keys may resume (ms since the epoch), or null when they may go ahead now. */
  lockedUntil(keys: ThrottleKeys): Promise<number | null>;
  /** Counts a failure; says whether this failure is one of the first (worth an audit row) or began a lock-out. */
  recordFailure(keys: ThrottleKeys): Promise<FailureRecord>;
  /** A successful sign-in clears the account's count (not the address's: one good account must not reset guessing at others). */
  recordSuccess(keys: ThrottleKeys): Promise<void>;
}

export interface ThrottleKeys {
  /** the user name as typed, lower-cased */
  account: string;
  /** the peer address, or `local` for the desktop window and the CLI */
  address: string;
}

interface FailureRecord {
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

export interface Counter {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** A counter left alone long enough (and not locked) starts over. */
function stale(counter: Counter, now: number, policy: ThrottlePolicy): boolean {
  return now - counter.lastFailureAt > policy.forgetAfterMs && counter.lockedUntil <= now;
}

/** The counter after one more failure: past the free ones, each locks for twice the one before. */
function bumped(previous: Counter | null, free: number, now: number, policy: ThrottlePolicy): Counter {
  const failures = (previous && !stale(previous, now, policy) ? previous.failures : 0) + 1;
  const delay = failures > free ? Math.min(policy.firstDelayMs * 2 ** Math.min(failures - free - 1, 30), policy.maxDelayMs) : 0;
  return { failures, lastFailureAt: now, lockedUntil: delay > 0 ? now + delay : (previous?.lockedUntil ?? 0) };
}

function outcome(account: Counter, address: Counter, now: number, policy: ThrottlePolicy): FailureRecord {
  const lockedUntil = Math.max(account.lockedUntil, address.lockedUntil);
  return {
    lockedUntil: lockedUntil > now ? lockedUntil : null,
    early: account.failures <= policy.accountFreeFailures && address.failures <= policy.addressFreeFailures,
  };
}

/** Where counters are kept; the rules above are the same wherever that is. */
interface CounterStore {
  get(key: string): Promise<Counter | null>;
  put(key: string, counter: Counter): Promise<void>;
  remove(key: string): Promise<void>;
  /** Runs a failure's read and writes as one unit (a transaction where there is one). */
  atomically<T>(work: () => Promise<T>): Promise<T>;
}

class CountingThrottle implements LoginThrottle {
  constructor(
    private readonly counters: CounterStore,
    private readonly now: () => number,
    private readonly policy: ThrottlePolicy,
  ) {}

  private async live(key: string, now: number): Promise<Counter | null> {
    const counter = await this.counters.get(key);
    return counter && !stale(counter, now, this.policy) ? counter : null;
  }

  async lockedUntil(keys: ThrottleKeys): Promise<number | null> {
    const now = this.now();
    const account = await this.live(`account:${keys.account}`, now);
    const address = await this.live(`address:${keys.address}`, now);
    const until = Math.max(account?.lockedUntil ?? 0, address?.lockedUntil ?? 0);
    return until > now ? until : null;
  }

  recordFailure(keys: ThrottleKeys): Promise<FailureRecord> {
    return this.counters.atomically(async () => {
      const now = this.now();
      const account = bumped(await this.counters.get(`account:${keys.account}`), this.policy.accountFreeFailures, now, this.policy);
      const address = bumped(await this.counters.get(`address:${keys.address}`), this.policy.addressFreeFailures, now, this.policy);
      await this.counters.put(`account:${keys.account}`, account);
      await this.counters.put(`address:${keys.address}`, address);
      return outcome(account, address, now, this.policy);
    });
  }

  recordSuccess(keys: ThrottleKeys): Promise<void> {
    return this.counters.remove(`account:${keys.account}`);
  }
}

/** Bounds memory under a spray of made-up user names: the oldest counters go first. */
const MAX_KEYS = 10_000;

/** Counts in memory: for a data folder that cannot be written. */
export class MemoryLoginThrottle extends CountingThrottle {
  constructor(now: () => number = Date.now, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY) {
    const map = new Map<string, Counter>();
    super(
      {
        get: async (key) => map.get(key) ?? null,
        async put(key, counter) {
          // Re-inserted so the map's order is the order of last failure, oldest first.
          map.delete(key);
          map.set(key, counter);
          if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
        },
        remove: async (key) => void map.delete(key),
        atomically: (work) => work(),
      },
      now,
      policy,
    );
  }
}

/** Counts in the database, shared by every process on it; counters forgotten by the policy are swept as failures come. */
export class StoredLoginThrottle extends CountingThrottle {
  constructor(ctx: CoreContext, now: () => number = Date.now, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY) {
    const repo = ctx.repos.loginFailures;
    super(
      {
        get: (key) => repo.get(key),
        async put(key, counter) {
          await repo.put(key, counter);
          await repo.sweep(now() - policy.forgetAfterMs, now());
        },
        remove: (key) => repo.remove(key),
        atomically: (work) => ctx.transaction(work),
      },
      now,
      policy,
    );
  }
}
