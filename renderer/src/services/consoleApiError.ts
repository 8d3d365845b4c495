import type { ErrorBody, ErrorCode } from '../../../media-core/contracts/errors';

/** NETWORK: no HTTP answer at all (core down, connection refused). */
export type ConsoleErrorCode = ErrorCode | 'NETWORK';

/** Every failed console-API call rejects with this, so callers switch on `code`. */
export class ConsoleApiError extends Error {
  override readonly name = 'ConsoleApiError';

  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
    readonly status: number,
    /** Seconds from a Retry-After header (429, 503), null when absent. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export function isConsoleApiError(error: unknown): error is ConsoleApiError {
  return error instanceof ConsoleApiError;
}

/** Statuses a server may answer without our JSON error body (a proxy, a crash page). */
const codeByStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export function codeForStatus(status: number): ErrorCode {
  return codeByStatus[status] ?? 'INTERNAL';
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
