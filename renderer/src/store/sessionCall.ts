import { isConsoleApiError, ConsoleApiError } from '../services/consoleApiError';
import type { ActionResult, GetState, SetState, ValueResult } from './types';

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

/** An authenticated change, its outcome in the words a dialog shows. */
export async function callForResult<T>(get: GetState, call: (token: string) => Promise<T>): Promise<ValueResult<T>> {
  const result = await callWithSession(get, call);
  if (result.kind === 'ended') return { ok: false, message: 'The session ended.' };
  if (result.kind === 'failed') return { ok: false, message: result.error.message };
  return { ok: true, value: result.value };
}

/** Runs one change with `busy` marked in the state key given (a row shows progress and
 *  refuses a second click meanwhile); `apply` updates the store on success. */
export async function busyChange<T>(
  set: SetState,
  get: GetState,
  key: BusyKey,
  busy: string,
  call: (token: string) => Promise<T>,
  apply: (value: T) => void,
): Promise<ValueResult<T>> {
  if (get()[key] !== null) return { ok: false, message: 'Another change is still being saved.' };
  set({ [key]: busy } as never);
  try {
    const result = await callForResult(get, call);
    if (result.ok) apply(result.value);
    return result;
  } finally {
    set({ [key]: null } as never);
  }
}

/** busyChange for actions whose callers only need to know whether it worked. */
export async function busyAction<T>(
  set: SetState,
  get: GetState,
  key: BusyKey,
  busy: string,
  call: (token: string) => Promise<T>,
  apply: (value: T) => void,
): Promise<ActionResult> {
  const result = await busyChange(set, get, key, busy, call, apply);
  return result.ok ? { ok: true } : result;
}

/** State keys that hold "what a change is on its way for". */
export type BusyKey = 'partnerBusy' | 'partnerAccessBusy' | 'sessionBusy' | 'alertBusy' | 'cameraAdminBusy' | 'operatorBusy';
