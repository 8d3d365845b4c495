import type { AbuseSettings } from '../contracts/alerts';
import type { AccessEvent } from '../contracts/audit';
import type { Logger } from '../log/logger';
import type { Responder } from './responder';
import type { AbuseInput, Detector, DetectorContext, Finding, SegmentFetch, UsageSample } from './types';

/** Findings waiting for the responder; past this a flood is dropped (and logged). */
const MAX_QUEUED = 1000;

/**
 * Feeds every input to every detector, synchronously and cheaply (it runs on the
 * access plane's hot path), and hands findings to the responder off that path: a
 * response (suspending a partner, cutting sessions) never runs inside the request
 * that triggered it.
 */
export class AbuseMonitor {
  private readonly queue: Finding[] = [];
  private scheduled = false;
  private dropped = 0;
  private idleWaiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly detectors: readonly Detector[],
    private readonly responder: Pick<Responder, 'handle'>,
    private readonly settings: () => AbuseSettings,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  private get ctx(): DetectorContext {
    return { settings: this.settings() };
  }

  access(e: AccessEvent): void {
    const ctx = this.ctx;
    for (const d of this.detectors) if (d.onAccess) this.collect(d, () => d.onAccess!(e, ctx));
  }

  usage(s: UsageSample): void {
    const ctx = this.ctx;
    for (const d of this.detectors) if (d.onUsage) this.collect(d, () => d.onUsage!(s, ctx));
  }

  segment(f: SegmentFetch): void {
    const ctx = this.ctx;
    for (const d of this.detectors) if (d.onSegment) this.collect(d, () => d.onSegment!(f, ctx));
  }

  sessionEnded(id: string): void {
    for (const d of this.detectors) d.onSessionEnded?.(id);
  }

  /** Time-based findings and forgetting; runs every few seconds. */
  tick(): void {
    const ctx = this.ctx;
    const now = this.now();
    for (const d of this.detectors) if (d.tick) this.collect(d, () => d.tick!(now, ctx));
  }

  /** Subscribes to every input the core provides. Returns the unsubscribe. */
  attach(input: AbuseInput): () => void {
    const offs = [
      input.onAccess((e) => this.access(e)),
      input.onUsage?.((s) => this.usage(s)),
      input.onSegment?.((f) => this.segment(f)),
      input.onSessionEnded?.((id) => this.sessionEnded(id)),
    ];
    return () => offs.forEach((off) => off?.());
  }

  start(tickMs = 5_000): void {
    this.timer ??= setInterval(() => this.tick(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves once every finding so far has been responded to (for tests and shutdown). */
  idle(): Promise<void> {
    if (!this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private collect(d: Detector, run: () => Finding[]): void {
    let found: Finding[];
    try {
      found = run();
    } catch (err) {
      this.log.warn({ err, detector: d.name }, 'abuse detector failed');
      return;
    }
    if (found.length === 0) return;
    for (const f of found) {
      if (this.queue.length >= MAX_QUEUED) this.dropped++;
      else this.queue.push(f);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    try {
      for (let f = this.queue.shift(); f; f = this.queue.shift()) {
        try {
          this.responder.handle(f);
        } catch (err) {
          this.log.error({ err, detector: f.detector, subject: f.subject }, 'abuse response failed');
        }
      }
      if (this.dropped) {
        this.log.error({ dropped: this.dropped }, 'abuse findings dropped: too many at once');
        this.dropped = 0;
      }
    } finally {
      this.scheduled = false;
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }
}
