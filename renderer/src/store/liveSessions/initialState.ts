import type { SessionView } from '../../../../media-core/contracts/partners';
import type { LoadState } from '../types';

/** Partner sessions running now, re-read every few seconds while a screen shows them. */
export interface LiveSessionsState {
  liveSessions: SessionView[];
  liveSessionsLoad: LoadState;
  liveSessionsError: string | null;
  /** A session id being ended, or `blackout:<camera>` while a blackout changes. */
  sessionBusy: string | null;
}

export const initialLiveSessionsState: LiveSessionsState = {
  liveSessions: [],
  liveSessionsLoad: 'idle',
  liveSessionsError: null,
  sessionBusy: null,
};
