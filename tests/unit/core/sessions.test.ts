import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../shared/api/events';
import { openHarness, type Harness } from '../../support/coreHarness';

let harness: Harness | null = null;
afterEach(() => harness?.close());

async function demo(): Promise<{ harness: Harness; events: ApiEvent[] }> {
  harness = await openHarness({ demo: true });
  const events: ApiEvent[] = [];
  harness.core.subscribe((event) => events.push(event));
  return { harness, events };
}

const signedIn = async (client: { raw(method: string, input: unknown): Promise<{ ok: boolean }> }) => (await client.raw('auth.me', {})).ok;

describe('ending sessions when a password changes', () => {
  it('a change of one’s own password ends the account’s other sessions, not the one that changed it', async () => {
    const { harness, events } = await demo();
    const desk = await harness.as('reporter');
    const laptop = await harness.as('reporter');
    const home = await harness.as('reporter');
    const editor = await harness.as('editor');

    await desk.call('auth.changePassword', { oldPassword: 'demo1234', newPassword: 'river-bank-77' });

    expect(await signedIn(desk)).toBe(true);
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(home)).toBe(false);
    expect(await signedIn(editor)).toBe(true);
    const reporterId = (await desk.call('auth.me', {})).user.id;
    expect(events).toContainEqual({ type: 'session.ended', userId: reporterId, reason: 'password' });
    expect(harness.core.sessionUserId(desk.token!)).toBe(reporterId);
    expect(harness.core.sessionUserId(laptop.token ?? 'gone')).toBeNull();
  });

  it('an administrator’s reset ends every session of that account; resetting one’s own keeps the admin’s window', async () => {
    const { harness, events } = await demo();
    const admin = await harness.as('admin');
    const adminElsewhere = await harness.as('admin');
    const reporter = await harness.as('reporter');
    const reporterId = (await reporter.call('auth.me', {})).user.id;
    const adminId = (await admin.call('auth.me', {})).user.id;

    await admin.call('admin.resetPassword', { userId: reporterId, newPassword: 'fresh-start-12' });
    expect(await signedIn(reporter)).toBe(false);
    expect(events).toContainEqual({ type: 'session.ended', userId: reporterId, reason: 'password' });

    await admin.call('admin.resetPassword', { userId: adminId, newPassword: 'admin-new-pass-3' });
    expect(await signedIn(admin)).toBe(true);
    expect(await signedIn(adminElsewhere)).toBe(false);
  });

  it('disabling an account ends its sessions at once and says so to its windows', async () => {
    const { harness, events } = await demo();
    const admin = await harness.as('admin');
    const reporter = await harness.as('reporter');
    const reporterId = (await reporter.call('auth.me', {})).user.id;
    await admin.call('admin.setUserDisabled', { userId: reporterId, disabled: true });
    // Without any call of its own, the session is gone from the core's memory that the adapters ask.
    expect(harness.core.sessionUserId(reporter.token!)).toBeNull();
    expect(events.filter((e) => e.type === 'session.ended')).toEqual([{ type: 'session.ended', userId: reporterId, reason: 'disabled' }]);
  });
});

describe('sessions kept in the database', () => {
  it('survive closing and reopening the core (a restart signs nobody out); a signed-out one stays out', async () => {
    const first = await openHarness({ demo: true });
    const reporter = await first.as('reporter');
    const gone = await first.as('editor');
    await gone.call('auth.logout', {});
    await first.close();
    harness = await openHarness({ location: first.location });
    expect((await harness.withToken(reporter.token!).call('auth.me', {})).user.username).toBe('reporter');
    expect(harness.core.sessionUserId(reporter.token!)).not.toBeNull();
    expect(await signedIn(harness.withToken('made-up-token'))).toBe(false);
    expect(await signedIn(harness.withToken(gone.token ?? 'signed-out'))).toBe(false);
  });

  it('a session ended through one core is refused by another on the same database at once', async () => {
    const { harness: a } = await demo();
    const b = await openHarness({ location: a.location });
    try {
      const admin = await a.as('admin');
      const reporterOnA = await a.as('reporter');
      const reporterOnB = b.withToken(reporterOnA.token!);
      expect(await signedIn(reporterOnB)).toBe(true);
      const { user } = await reporterOnA.call('auth.me', {});
      await admin.call('admin.resetPassword', { userId: user.id, newPassword: 'new-river-99' });
      expect(await signedIn(reporterOnB)).toBe(false);
      // And the core that did not end it forgets it for its event streams once it hears (on PostgreSQL, by NOTIFY).
      await vi.waitFor(() => expect(b.core.sessionUserId(reporterOnA.token!)).toBeNull());
    } finally {
      await b.close();
    }
  });
});
