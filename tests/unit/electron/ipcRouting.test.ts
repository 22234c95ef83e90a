import { describe, expect, it } from 'vitest';
import { reaches, type ApiEvent } from '../../../shared/api/events';
import { isTrustedSender, nextSessionToken } from '../../../electron/desktop/ipcRouting';

describe('isTrustedSender', () => {
  const ours = { frameUrl: 'app://newsroom/index.html', isMainFrame: true, isOurWindow: true };

  it('trusts the top frame of our window showing our page', () => {
    expect(isTrustedSender(ours)).toBe(true);
  });

  it.each([
    ['a window we did not create', { ...ours, isOurWindow: false }],
    ['a subframe', { ...ours, isMainFrame: false }],
    ['a frame that is gone', { ...ours, frameUrl: null }],
    ['a look-alike origin', { ...ours, frameUrl: 'app://newsroom.evil/index.html' }],
    ['credentials in the URL', { ...ours, frameUrl: 'app://newsroom@evil/index.html' }],
    ['a file: page', { ...ours, frameUrl: 'file:///work/main/dist/renderer/index.html' }],
    ['a remote page', { ...ours, frameUrl: 'https://example.com/' }],
  ])('refuses %s', (_name, sender) => expect(isTrustedSender(sender)).toBe(false));
});

describe('nextSessionToken', () => {
  const response = { ok: true as const, result: null };

  it('keeps the token when the call does not touch the session', () => {
    expect(nextSessionToken('t1', { response })).toBe('t1');
    expect(nextSessionToken(null, { response })).toBeNull();
  });

  it('takes a new token on sign-in and drops it on sign-out', () => {
    expect(nextSessionToken(null, { response, session: { set: 't2' } })).toBe('t2');
    expect(nextSessionToken('t1', { response, session: { set: 't2' } })).toBe('t2');
    expect(nextSessionToken('t1', { response, session: { clear: true } })).toBeNull();
  });
});

describe('which windows an event reaches (reaches, shared with the browser host)', () => {
  const changed: ApiEvent = { type: 'article.changed', articleId: 'a', version: 2, byUserId: 'u9' };
  const note: ApiEvent = { type: 'notification', userId: 'u1', title: '退稿', body: '请修改导语' };
  const ended: ApiEvent = { type: 'session.ended', userId: 'u1', reason: 'password' };

  it('sends broadcast events to every window whose session lives', () => {
    expect(reaches(changed, { userId: 'u1', live: true })).toBe(true);
    expect(reaches(changed, { userId: 'u2', live: true })).toBe(true);
    expect(reaches(changed, { userId: 'u1', live: false })).toBe(false);
  });

  it('sends a per-user event only to that user’s live windows', () => {
    expect(reaches(note, { userId: 'u1', live: true })).toBe(true);
    expect(reaches(note, { userId: 'u2', live: true })).toBe(false);
    expect(reaches(note, { userId: 'u1', live: false })).toBe(false);
  });

  it('tells the end of a session only to the windows of the sessions that ended, not the user’s others', () => {
    expect(reaches(ended, { userId: 'u1', live: false })).toBe(true);
    expect(reaches(ended, { userId: 'u1', live: true })).toBe(false);
    expect(reaches(ended, { userId: 'u2', live: false })).toBe(false);
  });
});
