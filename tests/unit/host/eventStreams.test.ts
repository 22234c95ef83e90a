import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { apiCall, openStream, sleep, startInProcessHost, until, type InProcessHost, type OpenStream } from './hostHarness';

const DOC = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '江城市今天发布春耕通知。' }] }] };

let opened: InProcessHost | null = null;
const streams: OpenStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await opened?.close();
  opened = null;
});

async function open(url: string, cookie: string): Promise<OpenStream> {
  const stream = await openStream(url, cookie);
  streams.push(stream);
  return stream;
}

describe('the browser host’s event streams', () => {
  it('keeps at most 8 streams per session: the oldest is told it was superseded and closed', async () => {
    opened = await startInProcessHost();
    const cookie = await opened.login('reporter');
    const tabs: OpenStream[] = [];
    for (let i = 0; i < 8; i += 1) tabs.push(await open(opened.host.url, cookie));
    expect(tabs.every((tab) => tab.status === 200)).toBe(true);
    const ninth = await open(opened.host.url, cookie);
    expect(ninth.status).toBe(200);
    await tabs[0]!.ended;
    expect(tabs[0]!.frames).toContain('event: superseded\ndata: {}');
    await sleep(50);
    expect(tabs.slice(1).some((tab) => tab.isEnded())).toBe(false);

    // Another session (another browser) has its own eight.
    const other = await open(opened.host.url, await opened.login('editor'));
    await apiCall(opened.host.url, cookie, 'articles.create', { headline: '春耕', body: DOC });
    await until(() => other.frames.some((f) => f.includes('article.changed')) && ninth.frames.some((f) => f.includes('article.changed')));
    expect(tabs[0]!.frames.some((f) => f.includes('article.changed'))).toBe(false);
  });

  it('checks sessions without asking the core once per event and stream', async () => {
    let checks = 0;
    const counting = (core: Core): Core => ({
      ...core,
      dispatch: core.dispatch.bind(core),
      subscribe: core.subscribe.bind(core),
      sessionUserId: (token) => {
        checks += 1;
        return core.sessionUserId(token);
      },
    });
    opened = await startInProcessHost({ wrapCore: counting });
    const cookies = [await opened.login('reporter'), await opened.login('editor'), await opened.login('chief'), await opened.login('layout')];
    const open20: OpenStream[] = [];
    for (let i = 0; i < 20; i += 1) open20.push(await open(opened.host.url, cookies[i % 4]!));
    const before = checks;
    for (let i = 0; i < 30; i += 1) await apiCall(opened.host.url, cookies[0]!, 'articles.create', { headline: `稿件 ${i}`, body: DOC });
    await until(() => open20.every((s) => s.frames.filter((f) => f.includes('article.changed')).length === 30));
    // The 30 calls look at their session once each (the body limit); the fan-out adds one check per batch and session.
    expect(checks - before).toBeLessThan(30 + 4 * 30);
  });

  it('a password change ends the account’s other sessions and their streams learn it; the changer stays signed in', async () => {
    opened = await startInProcessHost();
    const here = await opened.login('reporter');
    const elsewhere = await opened.login('reporter');
    const editor = await opened.login('editor');
    const hereStream = await open(opened.host.url, here);
    const elsewhereStream = await open(opened.host.url, elsewhere);
    const editorStream = await open(opened.host.url, editor);

    const changed = await apiCall(opened.host.url, here, 'auth.changePassword', { oldPassword: 'demo1234', newPassword: 'spring-2025-new' });
    expect(changed.body.ok).toBe(true);
    await elsewhereStream.ended;
    expect(elsewhereStream.frames.some((f) => f.includes('"type":"session.ended"') && f.includes('"reason":"password"'))).toBe(true);
    expect((await apiCall(opened.host.url, elsewhere, 'auth.me', {})).status).toBe(401);

    await apiCall(opened.host.url, here, 'articles.create', { headline: '改密码之后', body: DOC });
    await until(() => hereStream.frames.some((f) => f.includes('article.changed')) && editorStream.frames.some((f) => f.includes('article.changed')));
    expect(hereStream.isEnded()).toBe(false);
    expect(hereStream.frames.some((f) => f.includes('session.ended'))).toBe(false);
    expect((await apiCall(opened.host.url, here, 'auth.me', {})).body.ok).toBe(true);
  });
});
