import { ApiError } from '../../../shared/api/errors';
import i18n from '../i18n';

/**
 * What the renderer shows for a failed call: the main side's sentence when it sent one (the transport
 * turns a lost connection into one too); otherwise the caller's fallback, or a general "try again" in
 * the interface's language — never a stack trace or a browser's English.
 */
export function errorText(error: unknown, fallback?: string): string {
  if (error instanceof ApiError) return error.message;
  return fallback ?? i18n.t('common.failed');
}
