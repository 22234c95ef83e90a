import { describe, expect, it, vi } from 'vitest';
import {
  CLOSE_ANSWER_TIMEOUT_MS,
  CloseGuard,
  parseCloseAnswer,
  type CloseGuardDeps,
  type DiscardReason,
} from '../../../electron/desktop/closeGuard';

function harness(options: { discard?: boolean; rendererGone?: boolean } = {}) {
  let pendingTimer: { callback: () => void; cancelled: boolean } | null = null;
  let resolveDialog: ((discard: boolean) => void) | null = null;
  const deps = {
    askRenderer: vi.fn<(requestId: number) => void>(),
    confirmDiscard: vi.fn(
      (_reason: DiscardReason) =>
        new Promise<boolean>((resolve) => {
          resolveDialog = resolve;
        }),
    ),
    rendererGone: vi.fn(() => options.rendererGone ?? false),
    close: vi.fn(),
    cancelled: vi.fn(),
    setTimer: vi.fn((callback: () => void, ms: number) => {
      expect(ms).toBe(CLOSE_ANSWER_TIMEOUT_MS);
      const timer = { callback, cancelled: false };
      pendingTimer = timer;
      return () => {
        timer.cancelled = true;
      };
    }),
  } satisfies CloseGuardDeps;
  const guard = new CloseGuard(deps);
  deps.close.mockImplementation(() => {
    // Closing for real fires the window's close event again; it must go through.
    expect(guard.closeRequested()).toBe(true);
  });
  return {
    guard,
    deps,
    fireTimer() {
      if (pendingTimer && !pendingTimer.cancelled) pendingTimer.callback();
    },
    async answerDialog(discard: boolean) {
      resolveDialog?.(discard);
      await Promise.resolve();
      await Promise.resolve();
    },
    lastRequestId(): number {
      return deps.askRenderer.mock.calls.at(-1)?.[0] ?? -1;
    },
  };
}

describe('CloseGuard', () => {
  it('keeps the window open until the renderer confirms its edits are saved', () => {
    const h = harness();
    expect(h.guard.closeRequested()).toBe(false);
    expect(h.deps.askRenderer).toHaveBeenCalledTimes(1);
    expect(h.deps.close).not.toHaveBeenCalled();
    h.guard.rendererAnswered(h.lastRequestId(), { ok: true });
    expect(h.deps.close).toHaveBeenCalledTimes(1);
    expect(h.deps.confirmDiscard).not.toHaveBeenCalled();
  });

  it('does not ask twice while waiting (double-click on ×)', () => {
    const h = harness();
    h.guard.closeRequested();
    expect(h.guard.closeRequested()).toBe(false);
    expect(h.deps.askRenderer).toHaveBeenCalledTimes(1);
  });

  it('ignores answers to an older request and answers after the timeout', async () => {
    const h = harness();
    h.guard.closeRequested();
    const first = h.lastRequestId();
    h.guard.rendererAnswered(first + 1, { ok: true });
    expect(h.deps.close).not.toHaveBeenCalled();

    h.fireTimer();
    expect(h.deps.confirmDiscard).toHaveBeenCalledWith({ kind: 'timeout' });
    h.guard.rendererAnswered(first, { ok: true });
    expect(h.deps.close).not.toHaveBeenCalled();
    await h.answerDialog(false);
    expect(h.deps.close).not.toHaveBeenCalled();
  });

  it('on timeout asks the user, and staying keeps the window and cancels a pending quit', async () => {
    const h = harness();
    h.guard.closeRequested();
    h.fireTimer();
    expect(h.deps.confirmDiscard).toHaveBeenCalledWith({ kind: 'timeout' });
    expect(h.guard.closeRequested()).toBe(false);
    await h.answerDialog(false);
    expect(h.deps.close).not.toHaveBeenCalled();
    expect(h.deps.cancelled).toHaveBeenCalledTimes(1);

    // The user may try again later; the renderer is asked afresh.
    expect(h.guard.closeRequested()).toBe(false);
    expect(h.deps.askRenderer).toHaveBeenCalledTimes(2);
    h.guard.rendererAnswered(h.lastRequestId(), { ok: true });
    expect(h.deps.close).toHaveBeenCalledTimes(1);
  });

  it('closes after a timeout only when the user chooses to discard', async () => {
    const h = harness();
    h.guard.closeRequested();
    h.fireTimer();
    await h.answerDialog(true);
    expect(h.deps.close).toHaveBeenCalledTimes(1);
    expect(h.deps.cancelled).not.toHaveBeenCalled();
  });

  it('shows the renderer’s save failure to the user instead of closing', async () => {
    const h = harness();
    h.guard.closeRequested();
    h.guard.rendererAnswered(h.lastRequestId(), { ok: false, message: '磁盘空间已满' });
    expect(h.deps.confirmDiscard).toHaveBeenCalledWith({ kind: 'failed', message: '磁盘空间已满' });
    h.fireTimer();
    expect(h.deps.confirmDiscard).toHaveBeenCalledTimes(1);
    await h.answerDialog(false);
    expect(h.deps.close).not.toHaveBeenCalled();
  });

  it('stays open when the dialog itself fails', async () => {
    const h = harness();
    h.deps.confirmDiscard.mockImplementationOnce(() => Promise.reject(new Error('no display')));
    h.guard.closeRequested();
    h.fireTimer();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.deps.close).not.toHaveBeenCalled();
    expect(h.deps.cancelled).toHaveBeenCalledTimes(1);
  });

  it('closes at once when the renderer process is gone: there is nothing left to save', () => {
    const h = harness({ rendererGone: true });
    expect(h.guard.closeRequested()).toBe(true);
    expect(h.deps.askRenderer).not.toHaveBeenCalled();
  });
});

describe('parseCloseAnswer', () => {
  it('reads the preload’s answers', () => {
    expect(parseCloseAnswer({ requestId: 3, ok: true })).toEqual({ requestId: 3, answer: { ok: true } });
    expect(parseCloseAnswer({ requestId: 4, ok: false, message: ' 保存失败 ' })).toEqual({
      requestId: 4,
      answer: { ok: false, message: '保存失败' },
    });
  });

  it('gives a failure without a message a sentence, and caps long ones', () => {
    expect(parseCloseAnswer({ requestId: 1, ok: false })?.answer).toEqual({ ok: false, message: '保存时出错。' });
    const long = parseCloseAnswer({ requestId: 1, ok: false, message: '错'.repeat(2000) })?.answer;
    expect(long?.ok === false && long.message.length).toBe(500);
  });

  it.each([null, 'ok', { ok: true }, { requestId: '1', ok: true }, { requestId: 1.5, ok: true }, { requestId: 1, ok: 'yes' }])(
    'rejects %j',
    (raw) => expect(parseCloseAnswer(raw)).toBeNull(),
  );
});
