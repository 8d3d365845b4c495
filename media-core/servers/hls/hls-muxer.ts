import type { Logger } from '../../log/logger';
import { ptsDelta } from '../../protocols/mpegts';
import { renderPlaylist, segmentName } from './playlist';
import { ProgramTracker } from './program-tracker';
import { SegmentWindow, type HlsSegment } from './segment-window';

/** What the muxer needs from a camera stream (a CameraStream fits structurally). */
export interface HlsTsReader {
  onTs?(packets: Buffer, startsKeyframe: boolean): void;
  onDiscontinuity?(): void;
}
export interface HlsSource {
  subscribe(reader: HlsTsReader, opts?: { fromKeyframe?: boolean }): () => void;
}

export interface HlsMuxerOptions {
  /** Seconds a segment aims for; cuts happen at the first keyframe at or past ~90% of it. Default 2. */
  targetDuration?: number;
  /** Segments listed in the playlist. Default 6. */
  windowSize?: number;
  /** Segments kept downloadable after leaving the playlist. Default 2. */
  retainAfterWindow?: number;
  /** Cap on all kept segment bytes; oldest dropped first. Default 32 MiB. */
  maxWindowBytes?: number;
  /** A segment that grows past this without a keyframe is discarded. Default 16 MiB. */
  maxSegmentBytes?: number;
  /** Keyframe gaps longer than this (or negative) are treated as a timestamp jump. Default 30. */
  maxSegmentSeconds?: number;
  /** playlist() is null until this many segments exist. Default 2: a player that gets a
   *  one-segment playlist has no room to buffer and stalls at once. */
  minSegments?: number;
  /** playlist() is null when no segment finished for this long (camera gone). Default 30000. */
  staleAfterMs?: number;
  now?: () => number;
  log?: Logger;
}

export interface HlsMuxerStats {
  segments: number;
  bytes: number;
  /** Media sequence of the first listed segment; null before the first segment. */
  mediaSequence: number | null;
  lastSegmentAt: number | null;
}

interface Building {
  parts: Buffer[];
  bytes: number;
  startPts: number;
  /** Largest PTS offset from startPts seen, and the number of video PES, for an
   *  estimated duration when the segment has to end without a following keyframe. */
  maxOffset: number;
  frames: number;
  startedAt: number;
  discontinuity: boolean;
}

const CUT_RATIO = 0.9;
/** A segment ended by an upstream restart is kept only if at least this long. */
const MIN_ESTIMATED_SECONDS = 0.5;

/**
 * Cuts one camera's TS into self-contained HLS segments kept in memory. Each segment
 * starts with PAT, PMT and a video keyframe PES, so any segment decodes on its own.
 * Media sequence numbers only grow, across upstream restarts too.
 */
export class HlsMuxer {
  private readonly o: Required<Omit<HlsMuxerOptions, 'log'>>;
  private readonly log: Logger | undefined;
  private readonly program = new ProgramTracker();
  private readonly window: SegmentWindow;
  private building: Building | null = null;
  private nextSeq = 0;
  private pendingDiscontinuity = false;
  private lastSegmentAt: number | null = null;
  private unsubscribe: (() => void) | null;

  constructor(source: HlsSource, opts: HlsMuxerOptions = {}) {
    this.o = {
      targetDuration: opts.targetDuration ?? 2,
      windowSize: opts.windowSize ?? 6,
      retainAfterWindow: opts.retainAfterWindow ?? 2,
      maxWindowBytes: opts.maxWindowBytes ?? 32 * 1024 * 1024,
      maxSegmentBytes: opts.maxSegmentBytes ?? 16 * 1024 * 1024,
      maxSegmentSeconds: opts.maxSegmentSeconds ?? 30,
      minSegments: opts.minSegments ?? 2,
      staleAfterMs: opts.staleAfterMs ?? 30_000,
      now: opts.now ?? Date.now,
    };
    this.log = opts.log;
    this.window = new SegmentWindow({
      listed: this.o.windowSize,
      retained: this.o.retainAfterWindow,
      maxBytes: this.o.maxWindowBytes,
    });
    this.unsubscribe = source.subscribe(
      { onTs: (p, k) => this.onTs(p, k), onDiscontinuity: () => this.onDiscontinuity() },
      { fromKeyframe: true },
    );
  }

  /** The live playlist, or null while there are too few segments or the stream is stale. */
  playlist(decorateUri?: (uri: string) => string): string | null {
    const segments = this.window.listed();
    if (segments.length === 0 || segments.length < Math.min(this.o.minSegments, this.o.windowSize)) return null;
    const longest = Math.max(...segments.map((s) => s.duration));
    const staleAfter = Math.max(this.o.staleAfterMs, longest * 3000);
    if (this.lastSegmentAt !== null && this.o.now() - this.lastSegmentAt > staleAfter) return null;
    return renderPlaylist({ segments, discontinuitySequence: this.window.discontinuitySequence(), decorateUri });
  }

  /** A kept segment's bytes by its URI name (seg-<seq>.ts). */
  segment(name: string): Buffer | undefined {
    return this.window.get(name)?.data;
  }

  stats(): HlsMuxerStats {
    return {
      segments: this.window.count(),
      bytes: this.window.bytes() + (this.building?.bytes ?? 0),
      mediaSequence: this.window.listed()[0]?.seq ?? null,
      lastSegmentAt: this.lastSegmentAt,
    };
  }

  /** Stops reading the source and frees every segment. */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.building = null;
    this.window.clear();
  }

  private onTs(packets: Buffer, startsKeyframe: boolean): void {
    if (startsKeyframe) this.onKeyframe(packets);
    this.append(packets);
  }

  private onKeyframe(packets: Buffer): void {
    const pts = this.program.firstPts(packets);
    if (pts === null) return;
    const b = this.building;
    if (b) {
      const elapsed = ptsDelta(pts, b.startPts) / 90000;
      if (elapsed < 0 || elapsed > this.o.maxSegmentSeconds) {
        this.log?.warn({ elapsed }, 'hls: timestamps jumped; starting a new discontinuity');
        this.finishEstimated();
        this.pendingDiscontinuity = true;
      } else if (elapsed >= this.o.targetDuration * CUT_RATIO) {
        this.finish(elapsed);
      } else {
        return;
      }
    }
    const psi = this.program.psi();
    if (!psi) return; // cannot make a self-contained segment yet
    this.building = {
      parts: psi,
      bytes: psi[0]!.length + psi[1]!.length,
      startPts: pts,
      maxOffset: 0,
      frames: 0,
      startedAt: this.o.now(),
      discontinuity: this.pendingDiscontinuity && this.nextSeq > 0,
    };
    this.pendingDiscontinuity = false;
  }

  private append(packets: Buffer): void {
    this.program.scan(packets, (pts) => {
      const b = this.building;
      if (!b) return;
      b.frames++;
      b.maxOffset = Math.max(b.maxOffset, ptsDelta(pts, b.startPts));
    });
    const b = this.building;
    if (!b) return;
    b.parts.push(packets);
    b.bytes += packets.length;
    if (b.bytes > this.o.maxSegmentBytes) {
      this.log?.warn({ bytes: b.bytes }, 'hls: no keyframe within the segment size cap; segment dropped');
      this.building = null;
      this.pendingDiscontinuity = true;
    }
  }

  private onDiscontinuity(): void {
    this.finishEstimated();
    this.program.reset();
    this.pendingDiscontinuity = true;
  }

  /** Ends the building segment without a next keyframe to measure against. */
  private finishEstimated(): void {
    const b = this.building;
    if (!b) return;
    const frameTicks = b.frames > 1 ? b.maxOffset / (b.frames - 1) : 0;
    const duration = (b.maxOffset + frameTicks) / 90000;
    if (duration >= MIN_ESTIMATED_SECONDS) this.finish(duration);
    else this.building = null;
  }

  private finish(duration: number): void {
    const b = this.building!;
    this.building = null;
    const seq = this.nextSeq++;
    const seg: HlsSegment = {
      seq,
      name: segmentName(seq),
      duration,
      data: Buffer.concat(b.parts, b.bytes),
      discontinuity: b.discontinuity,
      programDateTime: b.startedAt,
    };
    this.window.add(seg);
    this.lastSegmentAt = this.o.now();
  }
}
