// Stable error codes for every boundary of the core. Clients (the console, partner
// integrations, scripts) switch on `code`; `message` is for humans and may change.
export const ErrorCodes = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** The JSON body of every error answer of the console and partner APIs. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
