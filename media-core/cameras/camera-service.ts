import type { EventEmitter } from 'node:events';
import type { Camera, CameraStatus } from '../contracts/api';
import type { CameraRow, CamerasRepo } from '../db/repos/cameras';
import type { SettingsRepo } from '../db/repos/settings';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';

/** The supervised ingest of one camera, as the service sees it. */
export interface PipelineLike extends EventEmitter {
  readonly state: CameraStatus;
  readonly reason: string | null;
  readonly restarts: number;
  readonly liveSince: number | null;
  start(): void;
  stop(): Promise<void>;
}

/** The camera's stream in the hub, as the service sees it. */
export interface StreamLike {
  push(chunk: Buffer): void;
  discontinuity(): void;
  info(): {
    videoCodec: string | null;
    profile: string | null;
    width: number | null;
    height: number | null;
    fps: number | null;
    hasAudio: boolean;
    bitrate: number;
  };
}

export interface CameraServiceDeps {
  repo: CamerasRepo;
  settings: SettingsRepo;
  bus: EventBus;
  log: Logger;
  /** Demo cameras are created on a new data dir and run, unless turned off. */
  demoEnabled: boolean;
  openStream(id: string): StreamLike;
  closeStream(id: string): void;
  now?: () => number;
}

interface Runtime {
  row: CameraRow;
  stream: StreamLike;
  pipeline: PipelineLike | null;
  status: CameraStatus;
  reason: string | null;
  since: number;
}

export const DEMO_CAMERA_COUNT = 4;

/** Owns the set of cameras: their rows, their ingest pipelines and their live status.
 *  Every status change is published to the console. */
export class CameraService {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly now: () => number;
  private createPipeline: ((row: CameraRow, sink: StreamLike) => PipelineLike) | undefined;

  constructor(private readonly deps: CameraServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Seeds the demo cameras once per data dir, so deleting one keeps it deleted. */
  seedDemoCameras(): void {
    if (!this.deps.demoEnabled || this.deps.settings.get<boolean>('demo.seeded')) return;
    for (let i = 1; i <= DEMO_CAMERA_COUNT; i++) {
      const id = `demo-${i}`;
      if (!this.deps.repo.find(id)) this.deps.repo.insert({ id, name: `Demo camera ${i}`, kind: 'demo', enabled: true, position: i, options: {} });
    }
    this.deps.settings.set('demo.seeded', true);
  }

  /** Lists every stored camera at once (as starting), so the console and API see them
   *  while the ingest machinery is still being prepared. */
  load(): void {
    for (const row of this.deps.repo.list()) {
      if (this.runtimes.has(row.id)) continue;
      const rt: Runtime = { row, stream: this.deps.openStream(row.id), pipeline: null, status: 'starting', reason: null, since: this.now() };
      this.runtimes.set(row.id, rt);
    }
  }

  /** Starts one supervised pipeline per enabled camera. */
  startPipelines(createPipeline: (row: CameraRow, sink: StreamLike) => PipelineLike): void {
    this.createPipeline = createPipeline;
    for (const rt of this.runtimes.values()) if (!rt.pipeline) this.startOne(rt);
  }

  list(): Camera[] {
    return [...this.runtimes.values()].map((r) => this.view(r));
  }

  get(id: string): Camera | undefined {
    const r = this.runtimes.get(id);
    return r ? this.view(r) : undefined;
  }

  /** The live figures of every camera, for the periodic console update. */
  statsById(): Record<string, Camera['stats']> {
    const out: Record<string, Camera['stats']> = {};
    for (const rt of this.runtimes.values()) out[rt.row.id] = this.view(rt).stats;
    return out;
  }

  liveCount(): number {
    let n = 0;
    for (const r of this.runtimes.values()) if (r.status === 'live') n++;
    return n;
  }

  async remove(id: string): Promise<boolean> {
    const r = this.runtimes.get(id);
    const existed = this.deps.repo.delete(id);
    if (r) {
      this.runtimes.delete(id);
      await r.pipeline?.stop();
      this.deps.closeStream(id);
    }
    if (existed || r) {
      this.deps.log.info({ camera: id }, 'camera removed');
      this.deps.bus.publish({ type: 'camera.removed', id });
    }
    return existed || r !== undefined;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runtimes.values()].map((r) => r.pipeline?.stop()));
  }

  private startOne(rt: Runtime): void {
    const { row, stream } = rt;
    if (!this.createPipeline) return;
    if (!row.enabled) return this.setStatus(rt, 'disabled', 'turned off by an operator');
    if (row.kind === 'demo' && !this.deps.demoEnabled) return this.setStatus(rt, 'disabled', 'demo cameras are turned off (--no-demo)');
    const pipeline = this.createPipeline(row, stream);
    rt.pipeline = pipeline;
    pipeline.on('state', (state: CameraStatus, reason: string | null) => this.setStatus(rt, state, reason));
    pipeline.start();
  }

  private setStatus(rt: Runtime, status: CameraStatus, reason: string | null): void {
    if (rt.status === status && rt.reason === reason) return;
    rt.status = status;
    rt.reason = reason;
    rt.since = this.now();
    if (this.runtimes.get(rt.row.id) !== rt) return;
    this.deps.log.info({ camera: rt.row.id, status, reason }, 'camera status');
    this.deps.bus.publish({ type: 'camera.status', camera: this.view(rt) });
  }

  private view(rt: Runtime): Camera {
    const info = rt.stream.info();
    const p = rt.pipeline;
    return {
      id: rt.row.id,
      name: rt.row.name,
      kind: rt.row.kind,
      enabled: rt.row.enabled,
      status: rt.status,
      statusReason: rt.reason,
      statusSince: new Date(rt.since).toISOString(),
      stats: {
        videoCodec: info.videoCodec,
        profile: info.profile,
        width: info.width,
        height: info.height,
        fps: info.fps,
        bitrate: Math.round(info.bitrate),
        hasAudio: info.hasAudio,
        uptime: rt.status === 'live' && p?.liveSince ? Math.round((this.now() - p.liveSince) / 1000) : null,
        restarts: p?.restarts ?? 0,
      },
    };
  }
}
