import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent } from '../../../media-core/contracts/api';
import { createConsoleEvents, refusedRetryDelay } from './events';
import type { EventSourceLike, StreamState } from './events';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  closed = false;
  private readonly listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.call(undefined as never, new Event('open'));
  }

  drop(): void {
    this.readyState = 0;
    this.onerror?.call(undefined as never, new Event('error'));
  }

  refuse(): void {
    this.readyState = 2;
    this.onerror?.call(undefined as never, new Event('error'));
  }

  send(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

function setup() {
  const sources: FakeEventSource[] = [];
  const states: StreamState[] = [];
  const received: ConsoleEvent[] = [];
  let refused = 0;
  const events = createConsoleEvents({
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
  });
  const stop = events.subscribe('tok', {
    onState: (state) => states.push(state),
    onEvent: (event) => received.push(event),
    onRefused: () => {
      refused += 1;
    },
  });
  return { sources, states, received, stop, refusedCount: () => refused };
}

describe('live-event subscription', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the stream with the token in the query and reports the state', () => {
    const { sources, states } = setup();

    sources[0]?.open();

    expect(sources[0]?.url).toBe('/api/v1/events?token=tok');
    expect(states).toEqual(['connecting', 'open']);
  });

  it('delivers typed events from their SSE event names', () => {
    const { sources, received } = setup();
    sources[0]?.open();

    sources[0]?.send('hello', JSON.stringify({ type: 'hello', at: '2024-10-01T00:00:00Z' }));
    sources[0]?.send('camera.removed', JSON.stringify({ id: 'demo-3' }));

    expect(received).toEqual([
      { type: 'hello', at: '2024-10-01T00:00:00Z' },
      { type: 'camera.removed', id: 'demo-3' },
    ]);
  });

  it('delivers the abuse monitor\'s alert events with the unread count', () => {
    const { sources, received } = setup();
    sources[0]?.open();

    sources[0]?.send('alert.created', JSON.stringify({ type: 'alert.created', alert: { id: 7 }, unread: 3 }));
    sources[0]?.send('alert.updated', JSON.stringify({ alert: { id: 7 }, unread: 2 }));

    expect(received.map((e) => [e.type, 'unread' in e ? e.unread : null])).toEqual([
      ['alert.created', 3],
      ['alert.updated', 2],
    ]);
  });

  it('skips data that is not a console event', () => {
    const { sources, received } = setup();

    sources[0]?.send('camera.status', 'not json');
    sources[0]?.send('hello', JSON.stringify({ type: 'something.else' }));

    expect(received).toEqual([]);
  });

  it('leaves a dropped connection to the browser to re-establish', () => {
    const { sources, states, refusedCount } = setup();
    sources[0]?.open();

    sources[0]?.drop();
    sources[0]?.open();

    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    expect(sources).toHaveLength(1);
    expect(refusedCount()).toBe(0);
  });

  it('re-opens a refused stream itself, with growing delays, and reports the refusal', () => {
    const { sources, refusedCount } = setup();

    sources[0]?.refuse();
    expect(refusedCount()).toBe(1);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(refusedRetryDelay(1));
    expect(sources).toHaveLength(2);

    sources[1]?.refuse();
    vi.advanceTimersByTime(refusedRetryDelay(1));
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(refusedRetryDelay(2) - refusedRetryDelay(1));
    expect(sources).toHaveLength(3);
  });

  it('stops for good when unsubscribed, including a pending retry', () => {
    const { sources, stop, received } = setup();
    sources[0]?.refuse();

    stop();
    vi.advanceTimersByTime(60_000);
    sources[0]?.send('hello', JSON.stringify({ type: 'hello', at: 'x' }));

    expect(sources).toHaveLength(1);
    expect(received).toEqual([]);
  });

  it('closes the open stream when unsubscribed', () => {
    const { sources, stop } = setup();

    stop();

    expect(sources[0]?.closed).toBe(true);
  });

  it('caps the retry delay', () => {
    expect(refusedRetryDelay(1)).toBe(1_000);
    expect(refusedRetryDelay(100)).toBe(30_000);
  });
});
