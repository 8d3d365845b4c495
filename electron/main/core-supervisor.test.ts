import { describe, expect, it } from 'vitest';
import type { ShellToCoreMessage } from '../contracts/core-messages';
import { CoreSupervisor, type Clock, type CoreProcess, type SupervisorState } from './core-supervisor';

/** Virtual time: nothing here waits for real, so the tests assert order, not speed. */
class FakeClock implements Clock {
  #now = 0;
  #nextId = 1;
  #timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.#now;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  /** Moves time forward, firing due timers in order, letting promises settle between. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      await settle();
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].callback();
    }
    this.#now = until;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

type CoreBehaviour = {
  /** Exit with 0 when asked to shut down (default true). */
  obeysShutdown: boolean;
  /** Exit when kill() is called (default true). */
  obeysKill: boolean;
};

class FakeCore implements CoreProcess {
  readonly received: ShellToCoreMessage[] = [];
  killed = false;
  forceKilled = false;
  exited = false;
  #onMessage: (message: unknown) => void = () => {};
  #onExit: (code: number) => void = () => {};

  constructor(readonly behaviour: CoreBehaviour) {}

  onMessage(listener: (message: unknown) => void): void {
    this.#onMessage = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.#onExit = listener;
  }
  postMessage(message: ShellToCoreMessage): void {
    this.received.push(message);
    if (message.type === 'shutdown' && this.behaviour.obeysShutdown) this.exit(0);
  }
  kill(): void {
    this.killed = true;
    if (this.behaviour.obeysKill) this.exit(143);
  }
  forceKill(): void {
    this.forceKilled = true;
    this.exit(137);
  }
  send(message: unknown): void {
    this.#onMessage(message);
  }
  ready(port = 41234): void {
    this.send({
      type: 'ready',
      listen: { http: '0.0.0.0:8080', console: `127.0.0.1:${port}` },
      consoleUrl: `http://127.0.0.1:${port}/`,
      operatorToken: `token-${port}`,
    });
  }
  exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    this.#onExit(code);
  }
}

function setup(options: { behaviour?: Partial<CoreBehaviour>; forkThrows?: boolean; maxRestarts?: number } = {}) {
  const clock = new FakeClock();
  const cores: FakeCore[] = [];
  const states: SupervisorState[] = [];
  const logs: string[] = [];
  const log = {
    info: (msg: string) => logs.push(`info ${msg}`),
    warn: (msg: string) => logs.push(`warn ${msg}`),
    error: (msg: string) => logs.push(`error ${msg}`),
  };
  const supervisor = new CoreSupervisor({
    clock,
    log,
    restart: options.maxRestarts === undefined ? {} : { maxRestarts: options.maxRestarts },
    fork: () => {
      if (options.forkThrows) throw new Error('no such file');
      const core = new FakeCore({ obeysShutdown: true, obeysKill: true, ...options.behaviour });
      cores.push(core);
      return core;
    },
  });
  supervisor.onStateChange((s) => states.push(s));
  const current = (): FakeCore => {
    const core = cores.at(-1);
    if (!core) throw new Error('no core launched');
    return core;
  };
  return { clock, cores, states, logs, supervisor, current };
}

function restartDelays(states: SupervisorState[]): number[] {
  return states.flatMap((s) => (s.status === 'restarting' ? [s.delayMs] : []));
}

describe('CoreSupervisor', () => {
  it('launches the core and is up once the core reports ready', () => {
    const { supervisor, current } = setup();
    supervisor.start();
    expect(supervisor.state.status).toBe('starting');
    current().ready(5555);
    expect(supervisor.state).toEqual({
      status: 'up',
      ready: {
        type: 'ready',
        listen: { http: '0.0.0.0:8080', console: '127.0.0.1:5555' },
        consoleUrl: 'http://127.0.0.1:5555/',
        operatorToken: 'token-5555',
      },
    });
  });

  it('ignores messages that do not match the contract', () => {
    const { supervisor, current, logs } = setup();
    supervisor.start();
    current().send({ type: 'ready', consoleUrl: 'http://127.0.0.1:1/' });
    current().send('ready');
    current().send({ type: 'ready', listen: {}, consoleUrl: 'file:///etc/passwd', operatorToken: 't' });
    expect(supervisor.state.status).toBe('starting');
    expect(logs.filter((l) => l.includes('does not match the contract'))).toHaveLength(3);
  });

  it('relaunches a crashed core after 1 s, doubling the delay per crash up to 30 s', async () => {
    const { supervisor, current, clock, states, cores } = setup({ maxRestarts: 8 });
    supervisor.start();
    for (let i = 0; i < 8; i++) {
      current().ready();
      current().exit(1);
      const state = supervisor.state;
      expect(state.status).toBe('restarting');
      if (state.status === 'restarting') await clock.advance(state.delayMs);
      expect(supervisor.state.status).toBe('starting');
    }
    expect(restartDelays(states)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(cores).toHaveLength(9);
  });

  it('does not relaunch before the backoff delay has passed', async () => {
    const { supervisor, current, clock, cores } = setup();
    supervisor.start();
    current().exit(1);
    await clock.advance(999);
    expect(cores).toHaveLength(1);
    await clock.advance(1);
    expect(cores).toHaveLength(2);
  });

  it('starts the backoff again from 1 s after the core ran steadily for 60 s', async () => {
    const { supervisor, current, clock, states } = setup();
    supervisor.start();
    current().exit(1);
    await clock.advance(1000);
    current().exit(1);
    await clock.advance(2000);
    current().ready();
    await clock.advance(60_000);
    current().exit(1);
    expect(restartDelays(states)).toEqual([1000, 2000, 1000]);
  });

  it('gives up after maxRestarts crashes in a row and can be started again by hand', async () => {
    const { supervisor, current, clock, cores } = setup({ maxRestarts: 3 });
    supervisor.start();
    for (let i = 0; i < 3; i++) {
      current().exit(3);
      await clock.advance(30_000);
    }
    current().exit(3);
    expect(supervisor.state).toEqual({
      status: 'failed',
      reason: 'the media core exited with code 3; it crashed 4 times in a row, each within 60 s of starting',
    });
    await clock.advance(120_000);
    expect(cores).toHaveLength(4);

    supervisor.start();
    expect(cores).toHaveLength(5);
    current().exit(3);
    expect(supervisor.state).toMatchObject({ status: 'restarting', attempt: 1, delayMs: 1000 });
  });

  it('does not relaunch a core that reported a fatal problem before exiting', async () => {
    const { supervisor, current, clock, cores } = setup();
    supervisor.start();
    current().send({ type: 'fatal', reason: 'httpPort: must be a number' });
    current().exit(2);
    expect(supervisor.state).toEqual({ status: 'failed', reason: 'the media core cannot run: httpPort: must be a number' });
    await clock.advance(60_000);
    expect(cores).toHaveLength(1);
  });

  it('kills a core that never reports ready and treats it as a crash', async () => {
    const { supervisor, current, clock } = setup();
    supervisor.start();
    const silent = current();
    await clock.advance(60_000);
    expect(silent.killed).toBe(true);
    expect(supervisor.state).toMatchObject({
      status: 'restarting',
      attempt: 1,
      reason: 'the media core did not report ready within 60 s',
    });
  });

  it('counts a launch that throws as a crash', () => {
    const { supervisor } = setup({ forkThrows: true });
    supervisor.start();
    expect(supervisor.state).toMatchObject({ status: 'restarting', attempt: 1, delayMs: 1000 });
  });

  it('stops by asking the core to shut down, and does not relaunch it', async () => {
    const { supervisor, current, clock, cores, states } = setup();
    supervisor.start();
    current().ready();
    await supervisor.stop();
    expect(current().received).toEqual([{ type: 'shutdown' }]);
    expect(current().killed).toBe(false);
    expect(states.slice(-2).map((s) => s.status)).toEqual(['stopping', 'stopped']);
    await clock.advance(120_000);
    expect(cores).toHaveLength(1);
  });

  it('kills a core that is still running 5 s after the shutdown request', async () => {
    const { supervisor, current, clock } = setup({ behaviour: { obeysShutdown: false } });
    supervisor.start();
    current().ready();
    let stopped = false;
    void supervisor.stop().then(() => (stopped = true));
    await clock.advance(4_999);
    expect(current().killed).toBe(false);
    expect(stopped).toBe(false);
    await clock.advance(1);
    expect(current().killed).toBe(true);
    expect(current().forceKilled).toBe(false);
    expect(stopped).toBe(true);
    expect(supervisor.state.status).toBe('stopped');
  });

  it('force-kills a core that survives kill(), so quitting never hangs', async () => {
    const { supervisor, current, clock } = setup({ behaviour: { obeysShutdown: false, obeysKill: false } });
    supervisor.start();
    current().ready();
    let stopped = false;
    void supervisor.stop().then(() => (stopped = true));
    await clock.advance(5_000 + 2_000);
    expect(current().forceKilled).toBe(true);
    expect(stopped).toBe(true);
  });

  it('stopping while a restart is pending cancels the restart', async () => {
    const { supervisor, current, clock, cores } = setup();
    supervisor.start();
    current().exit(1);
    await supervisor.stop();
    await clock.advance(60_000);
    expect(cores).toHaveLength(1);
    expect(supervisor.state.status).toBe('stopped');
  });

  it('stop() called twice shares one shutdown', async () => {
    const { supervisor, current } = setup();
    supervisor.start();
    current().ready();
    await Promise.all([supervisor.stop(), supervisor.stop()]);
    expect(current().received).toEqual([{ type: 'shutdown' }]);
  });

  it('ignores a ready message that arrives while stopping', async () => {
    const { supervisor, current, clock } = setup({ behaviour: { obeysShutdown: false } });
    supervisor.start();
    void supervisor.stop();
    current().ready();
    expect(supervisor.state.status).toBe('stopping');
    await clock.advance(10_000);
    expect(supervisor.state.status).toBe('stopped');
  });

  it('ignores a previous core once a new one has been launched', async () => {
    const { supervisor, cores, clock } = setup();
    supervisor.start();
    const first = cores[0]!;
    first.exit(1);
    await clock.advance(1000);
    first.ready(1111);
    expect(supervisor.state.status).toBe('starting');
  });
});
