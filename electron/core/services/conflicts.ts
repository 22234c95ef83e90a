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
  const seen = change.seenVersion === undefined ? '' : `，您看到的是第 ${change.seenVersion} 版`;
  return new ApiError('CONFLICT', `${what}已被${change.byName ?? '他人'}修改（现为第 ${change.version} 版${seen}）。${next}`, details ? { details } : {});
}
