import { describe, expect, it } from 'vitest';
import { tileOverlay } from './tileOverlay';

describe('tile overlay', () => {
  it('shows the picture alone once a live camera plays', () => {
    expect(tileOverlay('live', 'playing', true)).toEqual({ kind: 'none' });
  });

  it('replaces the picture with the reason when the camera cannot deliver', () => {
    for (const status of ['offline', 'error', 'disabled'] as const) {
      expect(tileOverlay(status, 'idle', true)).toEqual({ kind: 'down' });
      expect(tileOverlay(status, 'idle', false)).toEqual({ kind: 'down' });
    }
  });

  it('says the tile is paused when nobody can see it', () => {
    expect(tileOverlay('live', 'idle', false)).toEqual({ kind: 'paused' });
  });

  it('keeps the last frame under a warning while stalled', () => {
    expect(tileOverlay('stalled', 'playing', true)).toEqual({ kind: 'stalled' });
  });

  it('tells a starting camera from a player that is still connecting or retrying', () => {
    expect(tileOverlay('starting', 'retrying', true)).toEqual({ kind: 'waiting', text: 'Camera starting…' });
    expect(tileOverlay('live', 'loading', true)).toEqual({ kind: 'waiting', text: 'Connecting…' });
    expect(tileOverlay('live', 'retrying', true)).toEqual({ kind: 'waiting', text: 'Waiting for video…' });
    expect(tileOverlay('live', 'buffering', true)).toEqual({ kind: 'waiting', text: 'Buffering…' });
  });
});
