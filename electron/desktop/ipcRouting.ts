import type { ApiResponse } from '../../shared/api/errors';
import type { DispatchOutcome } from '../core/core';
import { isAppUrl } from './security';

export interface SenderInfo {
  /** URL of the frame that sent the message; null when the frame is already gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
  /** The webContents belongs to one of the windows this process created. */
  isOurWindow: boolean;
}

export const REFUSED_SENDER: ApiResponse = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '请求不是来自编辑部窗口，已拒绝。' },
};

export const BAD_METHOD: ApiResponse = {
  ok: false,
  error: { code: 'BAD_REQUEST', message: '请求格式不正确：缺少方法名。' },
};

/** Only the top frame of our own window, showing our own pages, may call the core. */
export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.isOurWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}

export function nextSessionToken(current: string | null, outcome: DispatchOutcome): string | null {
  if (outcome.session === undefined) return current;
  return 'set' in outcome.session ? outcome.session.set : null;
}

/**
 * The window's next token when its calls go to a newsroom server: as locally, and a session the
 * server no longer knows (it ended, expired, or the server was restored) is dropped here too, so it
 * is neither kept on disk nor sent again. Only signing in answers UNAUTHENTICATED for another reason.
 */
export function nextRemoteSessionToken(current: string | null, method: string, outcome: DispatchOutcome): string | null {
  const next = nextSessionToken(current, outcome);
  const refused = !outcome.response.ok && outcome.response.error.code === 'UNAUTHENTICATED';
  return refused && method !== 'auth.login' && next === current ? null : next;
}

/** Whose session a server's answer names: signing in and asking who one is return the user. */
export function sessionUserOf(method: string, response: ApiResponse): string | null {
  if (!response.ok || (method !== 'auth.login' && method !== 'auth.me')) return null;
  const id = (response.result as { user?: { id?: unknown } } | null)?.user?.id;
  return typeof id === 'string' ? id : null;
}
