import { describe, expect, it } from 'vitest';
import { StreamHub } from './stream-hub';

describe('CameraStream viewers', () => {
  it('counts readers that are not passive and signals the first arriving and the last leaving', () => {
    const s = new StreamHub().open('cam');
    const counts: number[] = [];
    s.on('viewers', (n: number) => counts.push(n));
    const muxer = s.subscribe({ onTs: () => {} }, { passive: true });
    expect(s.viewerCount()).toBe(0);
    const a = s.subscribe({ onTs: () => {} });
    const b = s.subscribe({});
    expect([s.viewerCount(), s.readerCount()]).toEqual([2, 3]);
    a();
    a(); // unsubscribing twice changes nothing
    b();
    muxer();
    expect(counts).toEqual([1, 2, 1, 0]);
  });

  it('reports zero viewers when the stream closes', () => {
    const hub = new StreamHub();
    const s = hub.open('cam');
    const counts: number[] = [];
    s.on('viewers', (n: number) => counts.push(n));
    s.subscribe({ onTs: () => {} });
    s.subscribe({ onTs: () => {} });
    hub.close('cam');
    expect(counts).toEqual([1, 2, 0]);
  });
});
