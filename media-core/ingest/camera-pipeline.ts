// Supervises the one ffmpeg child that pulls one camera: feeds its MPEG-TS to the stream
// hub, tells live from stalled from offline, restarts it with backoff, and never leaves a
// child behind.

import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { CameraStatus } from '../contracts/api';
import type { Logger } from '../log/logger';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { killOnParentExit } from './child-reaper';
import { maskCredentials } from './mask-credentials';
import { StderrTail } from './stderr-tail';
import { explainExit, explainFfmpegStderr, type FailureExplanation } from './stderr-reasons';

export type PipelineState = CameraStatus;

/** Where the MPEG-TS goes; the core passes the hub's CameraStream. */
export interface PipelineSink {
  push(chunk: Buffer): void;
  /** The next chunk starts a new TS stream from a new ffmpeg run: reset parser state. */
  discontinuity(): void;
}

export interface PipelineOptions {
  cameraId: string;
  ffmpegPath: string;
  /** Built by a source-args builder (demoSourceArgs, rtspSourceArgs); never run through a shell. */
  args: string[];
  sink: PipelineSink;
  log: Logger;
  /** No data for this long while live → 'stalled'. Default 5000. */
  stallAfterMs?: number;
  /** How long 'stalled' may last before ffmpeg is killed and restarted. Default: stallAfterMs. */
  stallGraceMs?: number;
  /** A run that produces no data at all for this long is killed and restarted. Default 20000. */
  startTimeoutMs?: number;
  /** A run that stayed live this long resets the backoff. Default 10000. */
  healthyAfterMs?: number;
  /** Restart delays. Default 1 s doubling to 30 s. */
  backoff?: BackoffPolicy;
  /** stop(): SIGTERM, then SIGKILL after this long. Default 3000. */
  stopTimeoutMs?: number;
  now?: () => number;
}

interface Run {
  child: ChildProcess;
  startedAt: number;
  lastDataAt: number;
  liveAt: number | null;
  stderr: StderrTail;
  /** Why the supervisor killed this run, if it did; overrides what stderr says. */
  killedBecause: FailureExplanation | null;
  ended: boolean;
  exited: Promise<void>;
  markExited: () => void;
  killTimer: NodeJS.Timeout | null;
}

export interface PipelineEvents {
  state: [state: PipelineState, reason: string | null];
}

/**
 * One camera's ffmpeg under supervision. State is 'disabled' until start() and after stop().
 * Emits 'state' (state, reason) on every change of either.
 */
export class CameraPipeline extends EventEmitter<PipelineEvents> {
  private readonly opts: Required<Omit<PipelineOptions, 'backoff'>>;
  private readonly backoff: Backoff;
  private run: Run | null = null;
  private lastStderr: readonly string[] = [];
  private active = false;
  private everSpawned = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;
  private currentState: PipelineState = 'disabled';
  private currentReason: string | null = null;
  private restartCount = 0;

  constructor(opts: PipelineOptions) {
    super();
    const stallAfterMs = opts.stallAfterMs ?? 5_000;
    this.opts = {
      cameraId: opts.cameraId,
      ffmpegPath: opts.ffmpegPath,
      args: [...opts.args],
      sink: opts.sink,
      log: opts.log.child({ cameraId: opts.cameraId }),
      stallAfterMs,
      stallGraceMs: opts.stallGraceMs ?? stallAfterMs,
      startTimeoutMs: opts.startTimeoutMs ?? 20_000,
      healthyAfterMs: opts.healthyAfterMs ?? 10_000,
      stopTimeoutMs: opts.stopTimeoutMs ?? 3_000,
      now: opts.now ?? Date.now,
    };
    this.backoff = new Backoff(opts.backoff ?? DEFAULT_BACKOFF);
  }

  get state(): PipelineState {
    return this.currentState;
  }

  /** A sentence for the operator in stalled/offline/error states; null otherwise. */
  get reason(): string | null {
    return this.currentReason;
  }

  /** How many times ffmpeg was respawned after a crash, an end or a stall. */
  get restarts(): number {
    return this.restartCount;
  }

  /** When the current run first produced data (ms, per `now`); null unless live or stalled. */
  get liveSince(): number | null {
    return this.currentState === 'live' || this.currentState === 'stalled' ? (this.run?.liveAt ?? null) : null;
  }

  get pid(): number | null {
    return this.run && !this.run.ended ? (this.run.child.pid ?? null) : null;
  }

  /** ffmpeg's last stderr lines (current or last run), credentials masked; for diagnostics. */
  get stderrTail(): readonly string[] {
    return this.run ? this.run.stderr.lines : this.lastStderr;
  }

  start(): void {
    if (this.stopping) {
      void this.stopping.then(() => this.start());
      return;
    }
    if (this.active) return;
    this.active = true;
    this.backoff.reset();
    this.watchdog = setInterval(() => this.checkFlow(), Math.min(1_000, Math.max(50, this.opts.stallAfterMs / 5)));
    this.spawnRun();
  }

  /** Ends supervision: cancels a pending restart, SIGTERMs ffmpeg, SIGKILLs it after stopTimeoutMs. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.active = false;
    this.clearTimers();
    const run = this.run;
    const exited = run && !run.ended ? this.terminate(run, 'SIGTERM') : Promise.resolve();
    const stopping = exited.then(() => {
      this.stopping = null;
      this.setState('disabled', null);
    });
    this.stopping = stopping;
    return stopping;
  }

  private spawnRun(): void {
    const { opts } = this;
    if (this.everSpawned) opts.sink.discontinuity();
    this.everSpawned = true;

    const child = spawn(opts.ffmpegPath, opts.args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const startedAt = opts.now();
    let markExited!: () => void;
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const run: Run = {
      child,
      startedAt,
      lastDataAt: startedAt,
      liveAt: null,
      stderr: new StderrTail(20),
      killedBecause: null,
      ended: false,
      exited,
      markExited,
      killTimer: null,
    };
    this.run = run;
    if (child.pid !== undefined) killOnParentExit(child);
    opts.log.info({ pid: child.pid ?? null, args: maskCredentials(opts.args.join(' ')) }, 'camera ffmpeg started');
    this.setState('starting', null);

    child.stdout?.on('data', (chunk: Buffer) => this.onData(run, chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of run.stderr.write(chunk)) opts.log.debug({ ffmpeg: line }, 'camera ffmpeg stderr');
    });
    child.on('error', (err) => {
      // Without a pid the spawn itself failed; otherwise it was a signal that could not be delivered.
      if (child.pid === undefined) this.onEnd(run, null, null, err);
      else opts.log.warn({ err }, 'camera ffmpeg error');
    });
    child.once('close', (code, signal) => this.onEnd(run, code, signal, null));
  }

  private onData(run: Run, chunk: Buffer): void {
    if (run !== this.run) return;
    run.lastDataAt = this.opts.now();
    try {
      this.opts.sink.push(chunk);
    } catch (err) {
      this.opts.log.error({ err }, 'stream sink rejected a chunk');
    }
    if (run.liveAt === null) run.liveAt = run.lastDataAt;
    if (this.currentState !== 'live' && !run.ended && run.killedBecause === null) this.setState('live', null);
  }

  private checkFlow(): void {
    const run = this.run;
    if (!run || run.ended || run.killedBecause) return;
    const { stallAfterMs, stallGraceMs, startTimeoutMs } = this.opts;
    const now = this.opts.now();
    if (run.liveAt === null) {
      if (now - run.startedAt >= startTimeoutMs) {
        this.killStuck(run, `no video from the camera within ${seconds(startTimeoutMs)} s`);
      }
      return;
    }
    const idleMs = now - run.lastDataAt;
    if (idleMs >= stallAfterMs + stallGraceMs) {
      this.killStuck(run, `camera stopped sending video for ${seconds(idleMs)} s`);
    } else if (idleMs >= stallAfterMs && this.currentState === 'live') {
      this.setState('stalled', `no video from the camera for ${seconds(stallAfterMs)} s`);
    }
  }

  /** A hung ffmpeg gets no grace: SIGKILL also ends a stopped (SIGSTOP) process. */
  private killStuck(run: Run, reason: string): void {
    run.killedBecause = { kind: 'offline', reason };
    this.opts.log.warn({ pid: run.child.pid ?? null, reason }, 'camera ffmpeg stuck; killing it to restart');
    this.signal(run, 'SIGKILL');
  }

  private onEnd(run: Run, code: number | null, signal: NodeJS.Signals | null, spawnError: Error | null): void {
    if (run.ended) return;
    run.ended = true;
    run.stderr.end();
    if (run.killTimer) clearTimeout(run.killTimer);
    run.markExited();
    if (this.run === run) {
      this.run = null;
      this.lastStderr = run.stderr.lines;
    }
    if (!this.active) return;

    const now = this.opts.now();
    if (run.liveAt !== null && now - run.liveAt >= this.opts.healthyAfterMs) this.backoff.reset();

    const explained: FailureExplanation = spawnError
      ? { kind: 'error', reason: `ffmpeg could not be started (${spawnError.message})` }
      : (run.killedBecause ?? explainFfmpegStderr(run.stderr.lines) ?? explainExit(code, signal));
    const delayMs = explained.kind === 'error' ? this.backoff.capped() : this.backoff.next();

    this.opts.log.warn(
      { code, signal, state: explained.kind, reason: explained.reason, retryInMs: delayMs, stderr: run.stderr.lines.slice(-5) },
      'camera ffmpeg ended',
    );
    this.setState(explained.kind, explained.reason);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.active) return;
      this.restartCount += 1;
      this.spawnRun();
    }, delayMs);
  }

  private terminate(run: Run, first: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    if (run.ended) return run.exited;
    this.signal(run, first);
    if (first === 'SIGTERM') {
      // A stopped (SIGSTOP) child only handles SIGTERM once continued.
      if (process.platform !== 'win32') this.signal(run, 'SIGCONT');
      run.killTimer = setTimeout(() => this.signal(run, 'SIGKILL'), this.opts.stopTimeoutMs);
    }
    return run.exited;
  }

  private signal(run: Run, signal: NodeJS.Signals): void {
    if (run.ended) return;
    try {
      run.child.kill(signal);
    } catch (err) {
      this.opts.log.warn({ err, signal }, 'could not signal camera ffmpeg');
    }
  }

  private clearTimers(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.restartTimer = null;
    this.watchdog = null;
  }

  private setState(state: PipelineState, reason: string | null): void {
    if (state === this.currentState && reason === this.currentReason) return;
    this.currentState = state;
    this.currentReason = reason;
    this.emit('state', state, reason);
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
