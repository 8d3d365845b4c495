import type { StreamState } from '../../services/events';

/** idle: no session, so no stream. */
export type ConnectionStatus = 'idle' | StreamState;

export interface ConnectionState {
  connection: ConnectionStatus;
  /** ISO time of the last live event, null before the first. */
  lastEventAt: string | null;
  /** Once open, any later 'open' is a reconnect after which the wall must catch up. */
  connectedOnce: boolean;
}

export const initialConnectionState: ConnectionState = {
  connection: 'idle',
  lastEventAt: null,
  connectedOnce: false,
};
