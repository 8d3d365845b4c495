import type { CoreReadyMessage, CoreStatusMessage, ShellToCoreMessage } from '../contracts/core-messages';
import { parseCoreMessage } from './core-message';
import { DEFAULT_RESTART_POLICY, restartDelayMs, type RestartPolicy } from './restart-policy';

/** One running core, as the supervisor needs to see it. The Electron adapter wraps a
 *  UtilityProcess; tests wrap a fake. */
export interface CoreProcess {
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, whatever the reason. */
  onExit(listener: (code: number) => void): void;
  postMessage(message: ShellToCoreMessage): void;
  /** Ask the OS to end the process (SIGTERM on POSIX). */
  kill(): void;
  /** Last resort when kill() was not enough (SIGKILL on POSIX). */
  forceKill(): void;
}

/** Launches a new core. May throw; that counts as a crash. */
export type ForkCore = () => CoreProcess;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SupervisorLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export type SupervisorState =
  | { status: 'idle' }
  | { status: 'starting'; attempt: number }
  | { status: 'up'; ready: CoreReadyMessage }
  | { status: 'restarting'; attempt: number; delayMs: number; reason: string }
  | { status: 'failed'; reason: string }
  | { status: 'stopping' }
  | { status: 'stopped' };

export interface CoreSupervisorOptions {
  fork: ForkCore;
  log: SupervisorLog;
  clock?: Clock;
  restart?: Partial<RestartPolicy>;
  /** A core that has not said 'ready' by then is killed and counts as crashed. */
  readyTimeoutMs?: number;
  /** How long stop() waits for the core to exit after asking it to shut down. */
  shutdownTimeoutMs?: number;
  /** How long to wait after kill() before forceKill(), and after forceKill() before giving up. */
  killTimeoutMs?: number;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One launched process and what we learnt about it. */
interface Run {
  child: CoreProcess;
  startedAt: number;
  exited: boolean;
  exitCode: number | null;
  exitWaiters: Array<() => void>;
  readyTimer: unknown;
  /** Why the supervisor ended it itself, or why the core said it cannot run. */
  endedBecause: string | null;
  fatal: boolean;
}

/**
 * Keeps the media core running: launches it, watches it, relaunches it with exponential
 * backoff when it stops on its own, gives up after too many crashes in a row, and stops
 * it with a bounded wait. Knows nothing about Electron, so it runs under plain Node tests.
 */
export class CoreSupervisor {
  readonly #fork: ForkCore;
  readonly #log: SupervisorLog;
  readonly #clock: Clock;
  readonly #policy: RestartPolicy;
  readonly #readyTimeoutMs: number;
  readonly #shutdownTimeoutMs: number;
  readonly #killTimeoutMs: number;

  #state: SupervisorState = { status: 'idle' };
  readonly #listeners = new Set<(state: SupervisorState) => void>();
  readonly #statusListeners = new Set<(status: CoreStatusMessage) => void>();
  #run: Run | null = null;
  /** Crashes since the core last ran steadily. */
  #streak = 0;
  #restartTimer: unknown = null;
  #stopping: Promise<void> | null = null;

  constructor(options: CoreSupervisorOptions) {
    this.#fork = options.fork;
    this.#log = options.log;
    this.#clock = options.clock ?? realClock;
    this.#policy = { ...DEFAULT_RESTART_POLICY, ...options.restart };
    this.#readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
    this.#shutdownTimeoutMs = options.shutdownTimeoutMs ?? 5_000;
    this.#killTimeoutMs = options.killTimeoutMs ?? 2_000;
  }

  get state(): SupervisorState {
    return this.#state;
  }

  /** Listener is called on every state change (not with the current state). */
  /** The appliance summary the core reports while up (cameras live, unread alerts). */
  onApplianceStatus(listener: (status: CoreStatusMessage) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  onStateChange(listener: (state: SupervisorState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Launches the core. Also the operator's "try again" after the supervisor gave up.
   *  Does nothing while the core is starting, up, restarting or stopping. */
  start(): void {
    const { status } = this.#state;
    if (status !== 'idle' && status !== 'stopped' && status !== 'failed') return;
    this.#streak = 0;
    this.#launch();
  }

  /** Asks the core to shut down, waits a bounded time, then kills it. Never restarts
   *  it afterwards. Resolves once the core has exited (or could not be made to). */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop().finally(() => {
      this.#stopping = null;
    });
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    this.#cancelRestart();
    const run = this.#run;
    if (!run) {
      if (this.#state.status !== 'stopped') this.#setState({ status: 'stopped' });
      return;
    }
    this.#setState({ status: 'stopping' });
    this.#log.info('stopping media core');
    try {
      run.child.postMessage({ type: 'shutdown' });
    } catch (err) {
      this.#log.warn('could not ask the media core to shut down', { err: String(err) });
    }
    if (!(await this.#waitForExit(run, this.#shutdownTimeoutMs))) {
      this.#log.warn('media core still running after shutdown request; killing it', { waitedMs: this.#shutdownTimeoutMs });
      await this.#terminate(run);
    }
    if (!run.exited) this.#log.error('media core did not exit even after SIGKILL; giving up waiting');
    this.#run = null;
    this.#setState({ status: 'stopped' });
  }

  #launch(): void {
    this.#restartTimer = null;
    const startedAt = this.#clock.now();
    let child: CoreProcess;
    try {
      child = this.#fork();
    } catch (err) {
      this.#log.error('could not launch the media core', { err: String(err) });
      this.#afterCrash(0, `could not be launched: ${String(err)}`);
      return;
    }
    const run: Run = {
      child,
      startedAt,
      exited: false,
      exitCode: null,
      exitWaiters: [],
      readyTimer: null,
      endedBecause: null,
      fatal: false,
    };
    this.#run = run;
    child.onMessage((message) => this.#onMessage(run, message));
    child.onExit((code) => this.#onExit(run, code));
    run.readyTimer = this.#clock.setTimeout(() => {
      run.readyTimer = null;
      if (run.exited || this.#run !== run || this.#state.status !== 'starting') return;
      run.endedBecause ??= `did not report ready within ${Math.round(this.#readyTimeoutMs / 1000)} s`;
      this.#log.error('media core did not report ready in time; killing it', { readyTimeoutMs: this.#readyTimeoutMs });
      void this.#terminate(run);
    }, this.#readyTimeoutMs);
    this.#setState({ status: 'starting', attempt: this.#streak });
  }

  #onMessage(run: Run, raw: unknown): void {
    if (run !== this.#run || run.exited) return;
    const message = parseCoreMessage(raw);
    if (!message) {
      this.#log.warn('ignoring a message from the media core that does not match the contract');
      return;
    }
    if (message.type === 'status') {
      for (const listener of [...this.#statusListeners]) listener(message);
      return;
    }
    if (message.type === 'fatal') {
      run.fatal = true;
      run.endedBecause = message.reason;
      this.#log.error('media core reported a fatal problem', { reason: message.reason });
      return;
    }
    this.#clearReadyTimer(run);
    if (this.#state.status === 'stopping') return;
    this.#log.info('media core is up', { consoleUrl: message.consoleUrl, listen: message.listen });
    this.#setState({ status: 'up', ready: message });
  }

  #onExit(run: Run, code: number): void {
    if (run.exited) return;
    run.exited = true;
    run.exitCode = code;
    this.#clearReadyTimer(run);
    for (const wake of run.exitWaiters.splice(0)) wake();
    if (run !== this.#run || this.#state.status === 'stopping') return;
    this.#run = null;
    const reason = run.endedBecause ?? `exited with code ${code}`;
    if (run.fatal) {
      this.#giveUp(`the media core cannot run: ${reason}`);
      return;
    }
    this.#log.error('media core stopped unexpectedly', { code, reason, uptimeMs: this.#clock.now() - run.startedAt });
    this.#afterCrash(this.#clock.now() - run.startedAt, reason);
  }

  #afterCrash(uptimeMs: number, reason: string): void {
    if (uptimeMs >= this.#policy.steadyAfterMs) this.#streak = 0;
    this.#streak += 1;
    if (this.#streak > this.#policy.maxRestarts) {
      this.#giveUp(`the media core ${reason}; it crashed ${this.#streak} times in a row, each within ${Math.round(this.#policy.steadyAfterMs / 1000)} s of starting`);
      return;
    }
    const delayMs = restartDelayMs(this.#streak, this.#policy);
    this.#log.info('restarting media core', { attempt: this.#streak, delayMs });
    this.#restartTimer = this.#clock.setTimeout(() => this.#launch(), delayMs);
    this.#setState({ status: 'restarting', attempt: this.#streak, delayMs, reason: `the media core ${reason}` });
  }

  #giveUp(reason: string): void {
    this.#log.error('giving up on the media core', { reason });
    this.#setState({ status: 'failed', reason });
  }

  /** kill(), then forceKill() if the process outlives killTimeoutMs. */
  async #terminate(run: Run): Promise<void> {
    try {
      run.child.kill();
    } catch (err) {
      this.#log.warn('kill() failed', { err: String(err) });
    }
    if (await this.#waitForExit(run, this.#killTimeoutMs)) return;
    this.#log.warn('media core ignored SIGTERM; sending SIGKILL');
    try {
      run.child.forceKill();
    } catch (err) {
      this.#log.warn('forceKill() failed', { err: String(err) });
    }
    await this.#waitForExit(run, this.#killTimeoutMs);
  }

  /** True if the run exited within `ms`. */
  #waitForExit(run: Run, ms: number): Promise<boolean> {
    if (run.exited) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.#clock.setTimeout(() => resolve(run.exited), ms);
      run.exitWaiters.push(() => {
        this.#clock.clearTimeout(timer);
        resolve(true);
      });
    });
  }

  #clearReadyTimer(run: Run): void {
    if (run.readyTimer === null) return;
    this.#clock.clearTimeout(run.readyTimer);
    run.readyTimer = null;
  }

  #cancelRestart(): void {
    if (this.#restartTimer === null) return;
    this.#clock.clearTimeout(this.#restartTimer);
    this.#restartTimer = null;
  }

  #setState(state: SupervisorState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (err) {
        this.#log.error('core state listener threw', { err: String(err) });
      }
    }
  }
}
