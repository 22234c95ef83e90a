import { ApiError } from '../../../shared/api/errors';

/**
 * The one CONFLICT for a write from a version that is no longer current: who changed the thing,
 * which version it is now (and which one the writer saw, when known), and what to do next.
 */
export function staleVersion(
  what: string,
  change: { byName: string | null; version: number; seenVersion?: number },
  next: string,
  details?: Record<string, unknown>,
): ApiError {
  // 版本 N, not 第N版: 版 is a page.
  const seen = change.seenVersion === undefined ? '' : `，您看到的是版本 ${change.seenVersion}`;
  return new ApiError('CONFLICT', `${what}已被${change.byName ?? '他人'}修改（现为版本 ${change.version}${seen}）。${next}`, details ? { details } : {});
}
