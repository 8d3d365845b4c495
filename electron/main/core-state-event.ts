import type { CoreStateEvent } from '../contracts/preload-api';
import type { SupervisorState } from './core-supervisor';

/** What the console page may know about the core: no token, no listener list. */
export function toCoreStateEvent(state: SupervisorState): CoreStateEvent {
  switch (state.status) {
    case 'idle':
    case 'starting':
      return { status: 'starting' };
    case 'up':
      return { status: 'up' };
    case 'restarting':
      return { status: 'restarting', restartInMs: state.delayMs, attempt: state.attempt, detail: state.reason };
    case 'failed':
      return { status: 'failed', detail: state.reason };
    case 'stopping':
      return { status: 'stopping' };
    case 'stopped':
      return { status: 'stopped' };
  }
}
