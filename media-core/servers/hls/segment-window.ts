export interface HlsSegment {
  /** Media sequence number. */
  seq: number;
  /** URI relative to the playlist: seg-<seq>.ts */
  name: string;
  /** Seconds, from the PTS of this and the next segment's first keyframe. */
  duration: number;
  data: Buffer;
  /** Preceded by EXT-X-DISCONTINUITY (the upstream restarted or media was lost). */
  discontinuity: boolean;
  /** Date.now() when its first keyframe arrived. */
  programDateTime: number;
}

export interface WindowLimits {
  /** Segments listed in the playlist. */
  listed: number;
  /** Extra older segments still served after they leave the playlist, for players that
   *  fetched the playlist just before it slid (RFC 8216 §6.2.2). */
  retained: number;
  /** Bytes of all kept segments; the oldest go first when exceeded. */
  maxBytes: number;
}

/** The rolling in-memory window of finished segments. */
export class SegmentWindow {
  private segments: HlsSegment[] = [];
  private totalBytes = 0;
  /** EXT-X-DISCONTINUITY tags of segments no longer kept at all. */
  private discontinuitiesGone = 0;

  constructor(private readonly limits: WindowLimits) {}

  add(seg: HlsSegment): void {
    this.segments.push(seg);
    this.totalBytes += seg.data.length;
    const { listed, retained, maxBytes } = this.limits;
    while (
      this.segments.length > listed + retained ||
      (this.totalBytes > maxBytes && this.segments.length > 1)
    ) {
      const old = this.segments.shift()!;
      this.totalBytes -= old.data.length;
      if (old.discontinuity) this.discontinuitiesGone++;
    }
  }

  /** The segments the playlist lists, oldest first. */
  listed(): HlsSegment[] {
    return this.segments.slice(Math.max(0, this.segments.length - this.limits.listed));
  }

  /** EXT-X-DISCONTINUITY-SEQUENCE: discontinuity tags that have left the playlist. */
  discontinuitySequence(): number {
    const firstListed = Math.max(0, this.segments.length - this.limits.listed);
    let n = this.discontinuitiesGone;
    for (let i = 0; i < firstListed; i++) if (this.segments[i]!.discontinuity) n++;
    return n;
  }

  get(name: string): HlsSegment | undefined {
    return this.segments.find((s) => s.name === name);
  }

  last(): HlsSegment | undefined {
    return this.segments[this.segments.length - 1];
  }

  count(): number {
    return this.segments.length;
  }

  bytes(): number {
    return this.totalBytes;
  }

  clear(): void {
    for (const s of this.segments) if (s.discontinuity) this.discontinuitiesGone++;
    this.segments = [];
    this.totalBytes = 0;
  }
}
