import type { RtspAccess } from './types';

/** The safe default until the access plane is wired: every request is refused with 401,
 *  so an RTSP listener can never serve a camera without a decision. */
export const denyAllRtspAccess: RtspAccess = {
  authorize: async () => ({ ok: false, status: 401, code: 'UNAUTHENTICATED', reason: 'no access plane configured' }),
  openSession: () => ({ ok: false, status: 403, code: 'FORBIDDEN', reason: 'no access plane configured' }),
};
