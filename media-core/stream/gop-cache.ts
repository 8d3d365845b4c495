import type { AccessUnit } from './types';

/**
 * The packets and access units since the latest keyframe, so a new reader can start
 * with a picture at once. Each half is bounded by half of maxBytes: a GOP that grows
 * past it is dropped, and caching resumes at the next keyframe.
 */
export class GopCache {
  private ts: Buffer[] = [];
  private tsBytes = 0;
  private tsValid = false;
  /** PAT+PMT as they were when the cached GOP began. */
  private psi: Buffer | null = null;
  private aus: AccessUnit[] = [];
  private auBytes = 0;
  private auValid = false;
  private readonly halfMax: number;

  constructor(maxBytes: number) {
    this.halfMax = Math.max(1, Math.floor(maxBytes / 2));
  }

  addTs(batch: Buffer, startsKeyframe: boolean, psi: Buffer | null): void {
    if (startsKeyframe) {
      this.ts = [];
      this.tsBytes = 0;
      this.tsValid = true;
      this.psi = psi;
    }
    if (!this.tsValid) return;
    this.ts.push(batch);
    this.tsBytes += batch.length;
    if (this.tsBytes > this.halfMax) this.dropTs();
  }

  /** `startsGop`: a video keyframe (or any audio frame of an audio-only stream). */
  addAu(au: AccessUnit, startsGop: boolean): void {
    if (startsGop) {
      this.aus = [];
      this.auBytes = 0;
      this.auValid = true;
    }
    if (!this.auValid) return;
    this.aus.push(au);
    this.auBytes += au.data.length;
    if (this.auBytes > this.halfMax) this.dropAus();
  }

  /** PSI then the GOP's batches; empty when nothing usable is cached. */
  tsReplay(): { psi: Buffer | null; batches: readonly Buffer[] } {
    return { psi: this.tsValid ? this.psi : null, batches: this.tsValid ? this.ts : [] };
  }

  auReplay(): readonly AccessUnit[] {
    return this.auValid ? this.aus : [];
  }

  bytes(): number {
    return this.tsBytes + this.auBytes;
  }

  clear(): void {
    this.dropTs();
    this.dropAus();
  }

  private dropTs(): void {
    this.ts = [];
    this.tsBytes = 0;
    this.tsValid = false;
    this.psi = null;
  }

  private dropAus(): void {
    this.aus = [];
    this.auBytes = 0;
    this.auValid = false;
  }
}
