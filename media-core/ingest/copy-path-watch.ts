// A camera on the pass-through path is only compliant as long as the camera keeps sending
// what the probe saw. Operators reconfigure cameras; this notices when a passed-through
// stream stops being H.264 Baseline or its keyframes drift apart, so the source is probed
// again and, if needed, transcoded.

import { GOP_SECONDS } from './codec-policy';

export interface WatchedStream {
  info(): { videoCodec: string | null; profile: string | null };
  subscribe(
    reader: { onTs?(packets: Buffer, startsKeyframe: boolean): void; onDiscontinuity?(): void },
    opts?: { fromKeyframe?: boolean; passive?: boolean },
  ): () => void;
}

export interface CopyPathWatchOptions {
  /** Consecutive keyframe gaps longer than this (wall clock) count as a GOP violation. Default 2 × GOP. */
  maxGapMs?: number;
  /** How many such gaps in a row trigger a re-probe. Default 3. */
  strikes?: number;
  now?: () => number;
}

/** Calls `onViolation` once (with a sentence) when the stream stops meeting the policy. */
export class CopyPathWatch {
  private unsubscribe: (() => void) | null = null;
  private lastKeyAt: number | null = null;
  private strikes = 0;
  private fired = false;
  private readonly maxGapMs: number;
  private readonly maxStrikes: number;
  private readonly now: () => number;

  constructor(
    private readonly stream: WatchedStream,
    private readonly onViolation: (reason: string) => void,
    opts: CopyPathWatchOptions = {},
  ) {
    this.maxGapMs = opts.maxGapMs ?? GOP_SECONDS * 2 * 1000;
    this.maxStrikes = opts.strikes ?? 3;
    this.now = opts.now ?? Date.now;
    this.unsubscribe = stream.subscribe(
      {
        onTs: (_packets, startsKeyframe) => this.onBatch(startsKeyframe),
        onDiscontinuity: () => {
          this.lastKeyAt = null;
          this.strikes = 0;
        },
      },
      { fromKeyframe: false, passive: true },
    );
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private onBatch(startsKeyframe: boolean): void {
    if (this.fired) return;
    const now = this.now();
    if (startsKeyframe) {
      this.checkCodec();
      if (this.fired) return;
      if (this.lastKeyAt !== null) {
        this.strikes = now - this.lastKeyAt > this.maxGapMs ? this.strikes + 1 : 0;
        if (this.strikes >= this.maxStrikes) {
          this.fire(`keyframes arrive more than ${Math.round(this.maxGapMs / 100) / 10} s apart`);
          return;
        }
      }
      this.lastKeyAt = now;
    } else if (this.lastKeyAt !== null && now - this.lastKeyAt > this.maxGapMs * this.maxStrikes) {
      this.fire(`no keyframe for ${Math.round((now - this.lastKeyAt) / 1000)} s`);
    }
  }

  private checkCodec(): void {
    const { videoCodec, profile } = this.stream.info();
    if (videoCodec !== null && videoCodec !== 'h264') this.fire(`the camera now sends ${videoCodec}`);
    else if (profile !== null && !/baseline/i.test(profile)) this.fire(`the camera now sends H.264 ${profile}`);
  }

  private fire(reason: string): void {
    if (this.fired) return;
    this.fired = true;
    this.close();
    this.onViolation(reason);
  }
}
