import type { Store } from '../store/store';
import type { Counter } from '../auth/loginThrottle';

interface CounterRow {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

/** The sign-in throttle's counters (migration 012), one row per account or address. */
export class LoginFailureRepository {
  constructor(private readonly store: Store) {}

  async get(key: string): Promise<Counter | null> {
    const row = await this.store.get<CounterRow>('SELECT failures, last_failure_at, locked_until FROM login_failures WHERE key = ?', [key]);
    return row ? { failures: row.failures, lastFailureAt: Number(row.last_failure_at), lockedUntil: Number(row.locked_until) } : null;
  }

  async put(key: string, counter: Counter): Promise<void> {
    await this.store.run(
      `INSERT INTO login_failures (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
      [key, counter.failures, counter.lastFailureAt, counter.lockedUntil],
    );
  }

  async remove(key: string): Promise<void> {
    await this.store.run('DELETE FROM login_failures WHERE key = ?', [key]);
  }

  /** Counters quiet since `before` and no longer locked at `now`: the policy has forgotten them. */
  async sweep(before: number, now: number): Promise<void> {
    await this.store.run('DELETE FROM login_failures WHERE last_failure_at < ? AND locked_until <= ?', [before, now]);
  }
}
