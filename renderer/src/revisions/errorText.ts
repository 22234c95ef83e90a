import { ApiError } from '../../../shared/api/errors';

/** The main side's sentence when it sent one; otherwise the caller's fallback, never a stack trace. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
