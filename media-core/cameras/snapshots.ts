// A recent picture of every live camera for the console's tiles and lists, made from the
// keyframe the stream hub already caches (no second connection to the camera). Pictures are
// made when asked for, at most once per refresh period per camera and one at a time across
// the appliance, so their CPU cost stays bounded however many consoles poll them.

import type { Logger } from '../log/logger';
import { decodableKeyframe, jpegFromKeyframe } from '../ingest/snapshot';

export interface SnapshotSource {
  lastKeyframeAu(): { codec: string; data: Buffer } | undefined;
  codecConfig(): { video: { sps: Buffer | null; pps: Buffer | null } | null };
}

export interface Snapshot {
  jpeg: Buffer;
  /** When the picture was decoded (ms since epoch). */
  takenAt: number;
}

export interface SnapshotServiceOptions {
  ffmpegPath: string | null;
  log: Logger;
  /** A picture younger than this is served as is. Default 5000. */
  refreshMs?: number;
  maxWidth?: number;
  now?: () => number;
  /** Replaces the decoder (tests). */
  decode?: (annexB: Buffer) => Promise<Buffer>;
}

interface Entry {
  snapshot: Snapshot | null;
  keyframe: Buffer | null;
  pending: Promise<Snapshot | null> | null;
}

export class SnapshotService {
  private readonly entries = new Map<string, Entry>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly refreshMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: SnapshotServiceOptions) {
    this.refreshMs = opts.refreshMs ?? 5000;
    this.now = opts.now ?? Date.now;
  }

  /** The freshest picture available: a new one from the latest keyframe when the kept one
   *  is older than the refresh period, else the kept one (possibly from before an outage). */
  async get(cameraId: string, source: SnapshotSource): Promise<Snapshot | null> {
    let entry = this.entries.get(cameraId);
    if (!entry) {
      entry = { snapshot: null, keyframe: null, pending: null };
      this.entries.set(cameraId, entry);
    }
    if (entry.pending) return entry.pending;
    const fresh = entry.snapshot && this.now() - entry.snapshot.takenAt < this.refreshMs;
    const au = source.lastKeyframeAu();
    if (fresh || !au || au.codec !== 'h264' || au.data === entry.keyframe || !this.opts.ffmpegPath) return entry.snapshot;

    const video = source.codecConfig().video;
    const annexB = decodableKeyframe(au.data, video?.sps ?? null, video?.pps ?? null);
    const e = entry;
    e.pending = this.serialized(() => this.decode(annexB))
      .then((jpeg) => {
        e.snapshot = { jpeg, takenAt: this.now() };
        e.keyframe = au.data;
        return e.snapshot;
      })
      .catch((err: unknown) => {
        this.opts.log.warn({ camera: cameraId, err: (err as Error).message }, 'snapshot failed');
        return e.snapshot;
      })
      .finally(() => {
        e.pending = null;
      });
    return e.pending;
  }

  forget(cameraId: string): void {
    this.entries.delete(cameraId);
  }

  private decode(annexB: Buffer): Promise<Buffer> {
    if (this.opts.decode) return this.opts.decode(annexB);
    return jpegFromKeyframe(this.opts.ffmpegPath!, annexB, this.opts.maxWidth ? { maxWidth: this.opts.maxWidth } : {});
  }

  /** One decode at a time across all cameras. */
  private serialized<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
