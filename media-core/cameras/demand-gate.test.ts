import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DemandGate } from './demand-gate';

class FakeStream extends EventEmitter {
  viewers = 0;
  viewerCount() {
    return this.viewers;
  }
  set(n: number) {
    this.viewers = n;
    this.emit('viewers', n);
  }
}

describe('DemandGate (on-demand cameras)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('starts on the first viewer and stops a while after the last one left', () => {
    const s = new FakeStream();
    const calls: string[] = [];
    new DemandGate(s, 30_000, () => calls.push('start'), () => calls.push('stop'));
    expect(calls).toEqual([]);
    s.set(1);
    s.set(2);
    s.set(1);
    expect(calls).toEqual(['start']);
    s.set(0);
    vi.advanceTimersByTime(29_000);
    expect(calls).toEqual(['start']);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['start', 'stop']);
  });

  it('keeps running when a viewer comes back before the idle time is up', () => {
    const s = new FakeStream();
    const calls: string[] = [];
    new DemandGate(s, 10_000, () => calls.push('start'), () => calls.push('stop'));
    s.set(1);
    s.set(0);
    vi.advanceTimersByTime(9_000);
    s.set(1);
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual(['start']);
  });

  it('starts at once when viewers are already there, and stops listening when closed', () => {
    const s = new FakeStream();
    s.viewers = 2;
    const calls: string[] = [];
    const gate = new DemandGate(s, 1_000, () => calls.push('start'), () => calls.push('stop'));
    expect(calls).toEqual(['start']);
    gate.close();
    s.set(0);
    vi.advanceTimersByTime(5_000);
    expect(calls).toEqual(['start']);
    expect(s.listenerCount('viewers')).toBe(0);
  });
});
