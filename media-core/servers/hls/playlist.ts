import type { HlsSegment } from './segment-window';

export interface PlaylistInput {
  segments: HlsSegment[];
  discontinuitySequence: number;
  decorateUri?: (uri: string) => string;
}

/**
 * A live media playlist (RFC 8216, version 3). EXT-X-TARGETDURATION is the longest
 * listed EXTINF rounded to the nearest integer, which is what §4.3.3.1 requires; ceil
 * would turn NTSC-rate 2.002 s segments into a 3 s target and make players sit further
 * behind live.
 */
export function renderPlaylist({ segments, discontinuitySequence, decorateUri }: PlaylistInput): string {
  const first = segments[0];
  if (!first) throw new Error('a playlist needs at least one segment');
  const maxDuration = Math.max(...segments.map((s) => s.duration));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.round(maxDuration))}`,
    // Every segment opens with PAT, PMT and a keyframe.
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MEDIA-SEQUENCE:${first.seq}`,
  ];
  if (discontinuitySequence > 0) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuitySequence}`);
  for (const s of segments) {
    if (s.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.programDateTime).toISOString()}`);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`);
    lines.push(decorateUri ? decorateUri(s.name) : s.name);
  }
  return lines.join('\n') + '\n';
}

/** Segment URIs the muxer produces and the route accepts. */
export const SEGMENT_NAME = /^seg-(\d{1,15})\.ts$/;

export function segmentName(seq: number): string {
  return `seg-${seq}.ts`;
}
