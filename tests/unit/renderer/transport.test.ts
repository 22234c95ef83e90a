// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../../renderer/src/api/transport';

/** Enough of EventSource to play the browser host's side of a stream. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  private readonly named = new Map<string, () => void>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: () => void): void {
    this.named.set(name, listener);
  }
  close(): void {
    this.closed = true;
  }
  emit(name: string): void {
    this.named.get(name)?.();
  }
}

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
});

describe('the browser transport’s event stream', () => {
  it('a tab whose stream the host gave to a newer tab waits until it is shown again, then reconnects', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    const received: unknown[] = [];
    createTransport().onEvent((event) => received.push(event));
    expect(FakeEventSource.opened).toHaveLength(1);

    setVisibility('hidden');
    FakeEventSource.opened[0]!.emit('superseded');
    expect(FakeEventSource.opened[0]!.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.opened).toHaveLength(1);

    setVisibility('visible');
    expect(FakeEventSource.opened).toHaveLength(2);
    FakeEventSource.opened[1]!.onmessage!({ data: JSON.stringify({ type: 'comment.changed', articleId: 'a', byUserId: 'u' }) });
    expect(received).toEqual([{ type: 'comment.changed', articleId: 'a', byUserId: 'u' }]);
  });

  it('still reconnects by itself after an ordinary error (a restart of the host)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    createTransport().onEvent(() => undefined);
    FakeEventSource.opened[0]!.onerror!();
    vi.advanceTimersByTime(3000);
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it('tells its listeners to refetch when a stream opens after a gap, and not on the first one', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    const received: unknown[] = [];
    createTransport().onEvent((event) => received.push(event));
    FakeEventSource.opened[0]!.onopen!();
    expect(received).toEqual([]);

    FakeEventSource.opened[0]!.onerror!();
    vi.advanceTimersByTime(3000);
    FakeEventSource.opened[1]!.onopen!();
    expect(received).toEqual([{ type: 'events.resumed' }]);

    setVisibility('hidden');
    FakeEventSource.opened[1]!.emit('superseded');
    setVisibility('visible');
    FakeEventSource.opened[2]!.onopen!();
    FakeEventSource.opened[2]!.onopen!();
    expect(received).toEqual([{ type: 'events.resumed' }, { type: 'events.resumed' }]);
  });
});
