import { isConsoleApiError, ConsoleApiError } from '../services/consoleApiError';
import type { GetState } from './types';

/** ok: the answer; failed: an error to show; ended: there is no session any more (none to
 *  begin with, this call found it expired, or the operator changed meanwhile): drop it. */
export type SessionCallResult<T> = { kind: 'ok'; value: T } | { kind: 'failed'; error: ConsoleApiError } | { kind: 'ended' };

/** Runs an authenticated call. A 401 anywhere means the session expired: back to login. */
export async function callWithSession<T>(get: GetState, call: (token: string) => Promise<T>): Promise<SessionCallResult<T>> {
  const token = get().token;
  if (token === null) return { kind: 'ended' };
  try {
    const value = await call(token);
    return get().token === token ? { kind: 'ok', value } : { kind: 'ended' };
  } catch (cause) {
    if (get().token !== token) return { kind: 'ended' };
    const error = isConsoleApiError(cause) ? cause : new ConsoleApiError('INTERNAL', describe(cause), 0);
    if (error.code === 'UNAUTHENTICATED') {
      get().expireSession();
      return { kind: 'ended' };
    }
    return { kind: 'failed', error };
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
