import { describe, expect, it } from 'vitest';
import { renderPlaylist, SEGMENT_NAME, segmentName } from './playlist';
import type { HlsSegment } from './segment-window';

const seg = (seq: number, duration: number, discontinuity = false): HlsSegment => ({
  seq,
  name: segmentName(seq),
  duration,
  data: Buffer.alloc(0),
  discontinuity,
  programDateTime: Date.UTC(2025, 0, 1, 0, 0, seq * 2),
});

describe('renderPlaylist', () => {
  it('writes a version-3 live playlist with program date-times and no ENDLIST', () => {
    const text = renderPlaylist({ segments: [seg(7, 2), seg(8, 2.002)], discontinuitySequence: 0 });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA-SEQUENCE:7',
        '#EXT-X-PROGRAM-DATE-TIME:2025-01-01T00:00:14.000Z',
        '#EXTINF:2.000,',
        'seg-7.ts',
        '#EXT-X-PROGRAM-DATE-TIME:2025-01-01T00:00:16.000Z',
        '#EXTINF:2.002,',
        'seg-8.ts',
        '',
      ].join('\n'),
    );
  });

  it('sets the target duration to the longest segment rounded to the nearest second', () => {
    const target = (d: number[]) => /TARGETDURATION:(\d+)/.exec(renderPlaylist({ segments: d.map((x, i) => seg(i, x)), discontinuitySequence: 0 }))![1];
    expect(target([2, 2.002, 1.9])).toBe('2');
    expect(target([2, 2.6])).toBe('3');
    expect(target([0.3])).toBe('1');
  });

  it('marks discontinuities, counts those that left, and decorates URIs', () => {
    const text = renderPlaylist({
      segments: [seg(3, 2), seg(4, 2, true)],
      discontinuitySequence: 2,
      decorateUri: (u) => `${u}?token=t`,
    });
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:2\n');
    expect(text).toMatch(/seg-3\.ts\?token=t\n#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:[^\n]+\n#EXTINF:2\.000,\nseg-4\.ts\?token=t\n$/);
  });

  it('names segments seg-<seq>.ts and accepts only such names', () => {
    expect(segmentName(12)).toBe('seg-12.ts');
    expect(SEGMENT_NAME.test('seg-12.ts')).toBe(true);
    for (const bad of ['seg-.ts', 'seg-1.ts/', '../seg-1.ts', 'seg-1.tsx', 'SEG-1.ts', 'seg-1234567890123456.ts']) {
      expect(SEGMENT_NAME.test(bad), bad).toBe(false);
    }
  });
});
