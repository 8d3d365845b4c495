// One real camera under supervision: probe what it sends, apply the codec policy, then run
// the supervised ffmpeg (CameraPipeline). The plan is kept across restarts and on-demand
// stops, so the camera is probed once, not on every reconnect — and again only when the
// pass-through stream stops complying.

import { EventEmitter } from 'node:events';
import type { RtspTransport } from '../contracts/api';
import type { Logger } from '../log/logger';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CameraPipeline, type PipelineEvents, type PipelineOptions, type PipelineSink, type PipelineState } from './camera-pipeline';
import { CopyPathWatch, type WatchedStream } from './copy-path-watch';
import { ingestArgs, planIngest, type CodecOverrides, type IngestArgsOptions, type IngestPlan } from './ingest-plan';
import { sourceInputArgs } from './source-input';
import { probeSource, ProbeError, type ProbeResult } from './source-probe';
import type { SourceAddress } from './source-url';
import type { FailureExplanation } from './stderr-reasons';

export interface SourcePipelineOptions {
  cameraId: string;
  source: SourceAddress;
  transport: RtspTransport;
  overrides: CodecOverrides;
  ffmpegPath: string;
  ffprobePath: string;
  ffmpegMajorVersion?: number | null;
  sink: PipelineSink;
  /** The camera's stream, to watch a pass-through stream keep complying; optional. */
  watch?: WatchedStream;
  log: Logger;
  /** Checked before every probe and run; a non-null answer keeps the camera from starting. */
  precheck?: () => FailureExplanation | null;
  /** Passed on to the supervised ffmpeg (stall detection, backoff, …). */
  pipeline?: Partial<Pick<PipelineOptions, 'stallAfterMs' | 'stallGraceMs' | 'startTimeoutMs' | 'healthyAfterMs' | 'stopTimeoutMs'>>;
  backoff?: BackoffPolicy;
  encoder?: IngestArgsOptions;
  probeWindowSeconds?: number;
  /** Replaces ffprobe (tests). */
  probe?: (source: SourceAddress) => Promise<ProbeResult>;
}

export interface SourcePipelineEvents extends PipelineEvents {
  plan: [plan: IngestPlan, input: ProbeResult];
}

export class SourcePipeline extends EventEmitter<SourcePipelineEvents> {
  private readonly backoff: Backoff;
  private readonly log: Logger;
  private inner: CameraPipeline | null = null;
  private watcher: CopyPathWatch | null = null;
  private currentPlan: IngestPlan | null = null;
  private probed: ProbeResult | null = null;
  private active = false;
  private probing: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private probeRetries = 0;
  private innerRestarts = 0;
  private currentState: PipelineState = 'disabled';
  private currentReason: string | null = null;
  private everRan = false;
  private stopping: Promise<void> | null = null;

  constructor(private readonly opts: SourcePipelineOptions) {
    super();
    this.backoff = new Backoff(opts.backoff ?? DEFAULT_BACKOFF);
    this.log = opts.log.child({ cameraId: opts.cameraId });
  }

  get state(): PipelineState {
    return this.currentState;
  }
  get reason(): string | null {
    return this.currentReason;
  }
  get restarts(): number {
    return this.probeRetries + this.innerRestarts + (this.inner?.restarts ?? 0);
  }
  get liveSince(): number | null {
    return this.inner?.liveSince ?? null;
  }
  get pid(): number | null {
    return this.inner?.pid ?? null;
  }
  get plan(): IngestPlan | null {
    return this.currentPlan;
  }
  get input(): ProbeResult | null {
    return this.probed;
  }
  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.stopping) {
      void this.stopping.then(() => this.start());
      return;
    }
    if (this.active) return;
    this.active = true;
    this.backoff.reset();
    this.next();
  }

  /** Ends supervision; resolves once ffmpeg (or ffprobe) is gone. start() may follow at once. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.active = false;
    this.clearRetry();
    this.probing?.abort();
    this.probing = null;
    const stopping = this.stopInner().then(() => {
      this.stopping = null;
      this.setState('disabled', null);
    });
    this.stopping = stopping;
    return stopping;
  }

  /** Forgets the plan: the next start probes the camera again. */
  invalidatePlan(): void {
    this.currentPlan = null;
  }

  private next(): void {
    if (!this.active) return;
    const blocked = this.opts.precheck?.() ?? null;
    if (blocked) return this.fail(blocked);
    if (this.currentPlan) return this.runPlan(this.currentPlan);
    void this.probeThenRun();
  }

  private async probeThenRun(): Promise<void> {
    const controller = new AbortController();
    this.probing = controller;
    this.setState('starting', 'checking what the camera sends');
    let result: ProbeResult;
    try {
      result = await (this.opts.probe
        ? this.opts.probe(this.opts.source)
        : probeSource(this.opts.source, {
            ffprobePath: this.opts.ffprobePath,
            transport: this.opts.transport,
            ffmpegMajorVersion: this.opts.ffmpegMajorVersion ?? null,
            signal: controller.signal,
            ...(this.opts.probeWindowSeconds ? { windowSeconds: this.opts.probeWindowSeconds } : {}),
          }));
    } catch (err) {
      if (controller.signal.aborted || !this.active) return;
      this.probing = null;
      const explained = err instanceof ProbeError ? err.explanation : { kind: 'offline' as const, reason: `the camera could not be probed (${(err as Error).message})` };
      this.log.warn({ reason: explained.reason, stderr: err instanceof ProbeError ? err.stderr.slice(-5) : [] }, 'camera probe failed');
      return this.fail(explained);
    }
    if (controller.signal.aborted || !this.active) return;
    this.probing = null;
    // MJPEG over HTTP carries no timing: ffprobe's frame rate is a guess, so keyframes go by time.
    if (this.untimed(result)) result = { ...result, fps: null };
    this.probed = result;
    const plan = planIngest(result, this.opts.overrides);
    this.currentPlan = plan;
    this.log.info({ input: result, path: plan.path, reason: plan.reason }, 'camera ingest planned');
    this.emit('plan', plan, result);
    this.runPlan(plan);
  }

  private runPlan(plan: IngestPlan): void {
    const { opts } = this;
    // A new ffmpeg starts a new TS stream: the hub must drop the old one's parser state.
    if (this.everRan) opts.sink.discontinuity();
    this.everRan = true;
    const input = sourceInputArgs(opts.source, {
      transport: opts.transport,
      ffmpegMajorVersion: opts.ffmpegMajorVersion ?? null,
      realtime: true,
      wallclockTimestamps: this.probed !== null && this.untimed(this.probed),
    });
    const inner = new CameraPipeline({
      ...opts.pipeline,
      cameraId: opts.cameraId,
      ffmpegPath: opts.ffmpegPath,
      args: ingestArgs(input, plan, opts.encoder),
      sink: opts.sink,
      log: opts.log,
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
    });
    this.inner = inner;
    inner.on('state', (state, reason) => {
      if (this.inner !== inner) return;
      if (state === 'live') this.backoff.reset();
      this.setState(state, reason);
    });
    if (plan.video === 'copy' && opts.watch) {
      this.watcher = new CopyPathWatch(opts.watch, (why) => this.replan(why));
    }
    inner.start();
  }

  private untimed(probe: ProbeResult): boolean {
    return (this.opts.source.scheme === 'http' || this.opts.source.scheme === 'https') && probe.videoCodec === 'mjpeg';
  }

  /** The pass-through stream stopped complying: probe again and restart on the new plan. */
  private replan(why: string): void {
    if (!this.active) return;
    this.log.warn({ why }, 'pass-through stream no longer meets the codec policy; probing again');
    this.currentPlan = null;
    void this.stopInner().then(() => {
      this.innerRestarts += 1;
      this.next();
    });
  }

  private fail(explained: FailureExplanation): void {
    this.setState(explained.kind, explained.reason);
    const delay = explained.kind === 'error' ? this.backoff.capped() : this.backoff.next();
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.active) return;
      this.probeRetries += 1;
      this.next();
    }, delay);
  }

  private async stopInner(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    const inner = this.inner;
    if (!inner) return;
    this.innerRestarts += inner.restarts;
    this.inner = null;
    inner.removeAllListeners('state');
    await inner.stop();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setState(state: PipelineState, reason: string | null): void {
    if (state === this.currentState && reason === this.currentReason) return;
    this.currentState = state;
    this.currentReason = reason;
    this.emit('state', state, reason);
  }
}
