/**
 * Closing a window never drops typing silently. The main side asks the
 * renderer to flush its unsaved edits and closes only when the renderer says
 * they are saved. If the renderer reports a failed save, or does not answer
 * within CLOSE_ANSWER_TIMEOUT_MS (hung script, stuck save), the window stays
 * open and the user chooses: stay (the default, so a stray Enter loses
 * nothing) or close and discard. A renderer process that is already gone has
 * nothing left to save, so that window closes at once.
 */
export const CLOSE_ANSWER_TIMEOUT_MS = 5_000;

export type CloseAnswer = { ok: true } | { ok: false; message: string };

export type DiscardReason = { kind: 'timeout' } | { kind: 'failed'; message: string };

export interface CloseGuardDeps {
  /** Sends IPC_CHANNELS.beforeClose with this request id. */
  askRenderer(requestId: number): void;
  /** Resolves true when the user chooses to close and lose unsaved edits. */
  confirmDiscard(reason: DiscardReason): Promise<boolean>;
  rendererGone(): boolean;
  /** Closes the window for real; the resulting close request must be let through. */
  close(): void;
  /** The close was abandoned (e.g. an app quit in progress must stop). */
  cancelled(): void;
  setTimer(callback: () => void, ms: number): () => void;
}

type State =
  | { name: 'open' }
  | { name: 'waiting'; requestId: number; cancelTimer: () => void }
  | { name: 'prompting' }
  | { name: 'closing' };

export class CloseGuard {
  private state: State = { name: 'open' };
  private lastRequestId = 0;

  constructor(private readonly deps: CloseGuardDeps) {}

  /** Call from the window's 'close' event; false means preventDefault. */
  closeRequested(): boolean {
    if (this.state.name === 'closing') return true;
    if (this.state.name !== 'open') return false;
    if (this.deps.rendererGone()) {
      this.state = { name: 'closing' };
      return true;
    }
    this.lastRequestId += 1;
    const requestId = this.lastRequestId;
    const cancelTimer = this.deps.setTimer(() => this.timedOut(requestId), CLOSE_ANSWER_TIMEOUT_MS);
    this.state = { name: 'waiting', requestId, cancelTimer };
    this.deps.askRenderer(requestId);
    return false;
  }

  /** Call when IPC_CHANNELS.closeReady arrives from this window. Late or stray answers are ignored. */
  rendererAnswered(requestId: number, answer: CloseAnswer): void {
    if (this.state.name !== 'waiting' || this.state.requestId !== requestId) return;
    this.state.cancelTimer();
    if (answer.ok) {
      this.closeNow();
    } else {
      void this.prompt({ kind: 'failed', message: answer.message });
    }
  }

  private timedOut(requestId: number): void {
    if (this.state.name !== 'waiting' || this.state.requestId !== requestId) return;
    void this.prompt({ kind: 'timeout' });
  }

  private async prompt(reason: DiscardReason): Promise<void> {
    this.state = { name: 'prompting' };
    // A dialog that fails to show counts as "stay": keeping the window never loses anything.
    const discard = await this.deps.confirmDiscard(reason).catch(() => false);
    if (discard) {
      this.closeNow();
    } else {
      this.state = { name: 'open' };
      this.deps.cancelled();
    }
  }

  private closeNow(): void {
    this.state = { name: 'closing' };
    this.deps.close();
  }
}

const MAX_FAILURE_MESSAGE = 500;

/** The payload of IPC_CHANNELS.closeReady, from the preload: { requestId, ok, message? }. */
export function parseCloseAnswer(raw: unknown): { requestId: number; answer: CloseAnswer } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { requestId, ok, message } = raw as Record<string, unknown>;
  if (typeof requestId !== 'number' || !Number.isInteger(requestId) || typeof ok !== 'boolean') return null;
  if (ok) return { requestId, answer: { ok: true } };
  const text = typeof message === 'string' && message.trim() !== '' ? message.trim() : '保存时出错。';
  return { requestId, answer: { ok: false, message: text.slice(0, MAX_FAILURE_MESSAGE) } };
}
