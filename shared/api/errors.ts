/**
 * Errors cross the process boundary as plain data, so the renderer can show
 * the message and react to the code without sharing classes with the main side.
 */
const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  /** Too many failed sign-ins: the message says when to try again. */
  'RATE_LIMITED',
  'READ_ONLY',
  'STORAGE',
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorPayload {
  code: ErrorCode;
  /** A sentence a person can act on, in the UI's language (zh-CN first). */
  message: string;
  /** For VALIDATION: the dotted path of the first offending field. */
  field?: string;
  details?: unknown;
}

export type ApiResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  toPayload(): ApiErrorPayload {
    const payload: ApiErrorPayload = { code: this.code, message: this.message };
    if (this.field !== undefined) payload.field = this.field;
    if (this.details !== undefined) payload.details = this.details;
    return payload;
  }

  static fromPayload(payload: ApiErrorPayload): ApiError {
    return new ApiError(payload.code, payload.message, { field: payload.field, details: payload.details });
  }
}
