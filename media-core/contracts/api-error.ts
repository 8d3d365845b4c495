import { ErrorCodes, type ErrorBody, type ErrorCode } from './errors';

/** The one error type of the HTTP boundaries: thrown by handlers, turned into
 *  `{error:{code,message}}` with the code's status by the server's error handler. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status ?? ErrorCodes[code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}
