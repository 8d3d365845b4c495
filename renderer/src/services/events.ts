import type { ConsoleEvent, ConsoleEventType } from '../../../media-core/contracts/api';
import { eventsUrl } from './consoleApi';

/** connecting: first attempt; open: events flowing; reconnecting: lost, trying again. */
export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface EventStreamHandlers {
  onEvent(event: ConsoleEvent): void;
  onState(state: StreamState): void;
  /** The server refused the stream (an HTTP error, not a dropped connection): the
   *  session may have expired. Reconnection still goes on until unsubscribed. */
  onRefused?(): void;
}

export interface ConsoleEvents {
  /** Starts the live-event stream; the returned function stops it for good. */
  subscribe(token: string, handlers: EventStreamHandlers): () => void;
}

/** The narrow part of EventSource we use, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: never, ev: Event) => unknown) | null;
  onerror: ((this: never, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export interface ConsoleEventsOptions {
  baseUrl?: string;
  createEventSource?: EventSourceFactory;
  /** Delay before re-opening a stream the browser gave up on; attempt counts from 1. */
  refusedRetryDelayMs?: (attempt: number) => number;
}

const CLOSED = 2;

const EVENT_TYPES = ['hello', 'camera.status', 'camera.stats', 'camera.removed', 'alert.created', 'alert.updated'] as const satisfies readonly ConsoleEventType[];

export function refusedRetryDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}

export function createConsoleEvents(options: ConsoleEventsOptions = {}): ConsoleEvents {
  const baseUrl = options.baseUrl ?? '';
  const createEventSource: EventSourceFactory = options.createEventSource ?? ((url) => new EventSource(url) as unknown as EventSourceLike);
  const retryDelay = options.refusedRetryDelayMs ?? refusedRetryDelay;

  return {
    subscribe(token, handlers) {
      let source: EventSourceLike | null = null;
      let retryTimer: ReturnType<typeof setTimeout> | null = null;
      let refusedAttempts = 0;
      let stopped = false;

      const dispatch = (message: MessageEvent<string>) => {
        if (stopped) return;
        const event = parseEvent(message.type, message.data);
        if (event !== null) handlers.onEvent(event);
      };

      const open = (state: StreamState) => {
        handlers.onState(state);
        const current = createEventSource(eventsUrl(token, baseUrl));
        source = current;
        current.onopen = () => {
          if (stopped) return;
          refusedAttempts = 0;
          handlers.onState('open');
        };
        current.onerror = () => {
          if (stopped) return;
          if (current.readyState !== CLOSED) {
            // The browser reconnects by itself after a dropped connection.
            handlers.onState('reconnecting');
            return;
          }
          // EventSource gives up for good on an HTTP error; we keep trying, slower.
          current.close();
          refusedAttempts += 1;
          handlers.onState('reconnecting');
          handlers.onRefused?.();
          retryTimer = setTimeout(() => {
            retryTimer = null;
            if (!stopped) open('reconnecting');
          }, retryDelay(refusedAttempts));
        };
        for (const type of EVENT_TYPES) current.addEventListener(type, dispatch);
      };

      open('connecting');

      return () => {
        stopped = true;
        if (retryTimer !== null) clearTimeout(retryTimer);
        source?.close();
      };
    },
  };
}

/** The data is the ConsoleEvent itself; the SSE event name stands in for a missing `type`. */
function parseEvent(eventName: string, data: string): ConsoleEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const type = (value as { type?: unknown }).type ?? eventName;
    if (!(EVENT_TYPES as readonly unknown[]).includes(type)) return null;
    return { ...value, type } as ConsoleEvent;
  } catch {
    return null;
  }
}
