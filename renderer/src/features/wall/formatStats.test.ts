import { describe, expect, it } from 'vitest';
import { camera } from '../../store/testing';
import { isPlayable, statusReason } from './cameraStatus';
import { formatBitrate, formatFps, formatResolution, statsSummary } from './formatStats';

describe('tile captions', () => {
  it('shows resolution, frame rate and bitrate when known', () => {
    expect(statsSummary(camera('a').stats)).toEqual(['1280×720', '25 fps', '1.5 Mb/s']);
  });

  it('leaves out what the core does not know yet', () => {
    const stats = { ...camera('a').stats, width: null, height: null, fps: null, bitrate: 0 };
    expect(statsSummary(stats)).toEqual([]);
  });

  it('formats the numbers for people', () => {
    expect(formatResolution(1920, 1080)).toBe('1920×1080');
    expect(formatFps(29.97)).toBe('29.97 fps');
    expect(formatFps(30)).toBe('30 fps');
    expect(formatBitrate(850_000)).toBe('850 kb/s');
    expect(formatBitrate(400)).toBe('1 kb/s');
    expect(formatBitrate(4_250_000)).toBe('4.3 Mb/s');
  });
});

describe('camera status presentation', () => {
  it("prefers the core's own sentence", () => {
    expect(statusReason({ status: 'error', statusReason: 'The camera rejected the password.' })).toBe(
      'The camera rejected the password.',
    );
  });

  it('falls back to a sentence per status', () => {
    expect(statusReason({ status: 'offline', statusReason: null })).toMatch(/cannot be reached/);
    expect(statusReason({ status: 'disabled', statusReason: '  ' })).toMatch(/turned this camera off/);
  });

  it('plays video only while the camera can deliver some', () => {
    expect(['live', 'starting', 'stalled'].every((s) => isPlayable(s as never))).toBe(true);
    expect(['offline', 'error', 'disabled'].some((s) => isPlayable(s as never))).toBe(false);
  });
});
