import type { Camera, CameraCreateRequest, CameraStatus, CameraUpdateRequest } from '../contracts/api';
import { ApiError } from '../contracts/api-error';
import type { CameraRow, CamerasRepo } from '../db/repos/cameras';
import type { SettingsRepo } from '../db/repos/settings';
import type { EventBus } from '../events/event-bus';
import type { SourceAddress, SourceRules } from '../ingest/source-url';
import type { Logger } from '../log/logger';
import { configureNew, configureUpdate, openSource } from './camera-config';
import { cameraView } from './camera-view';
import { DemandGate } from './demand-gate';
import type { PipelineFactory, PipelineLike, StreamLike } from './pipeline-types';
import type { SecretBox } from './secret-box';
import type { Snapshot, SnapshotService } from './snapshots';

export type { PipelineFactory, PipelineLike, PipelineRequest, StreamLike } from './pipeline-types';

export interface CameraServiceDeps {
  repo: CamerasRepo;
  settings: SettingsRepo;
  bus: EventBus;
  log: Logger;
  /** Demo cameras are created on a new data dir and run, unless turned off. */
  demoEnabled: boolean;
  /** Seals source addresses at rest. */
  box: SecretBox;
  /** Which sources are accepted (the folder file: sources may read from). */
  sourceRules: SourceRules;
  snapshots: SnapshotService;
  openStream(id: string): StreamLike;
  closeStream(id: string): void;
  now?: () => number;
}

interface Runtime {
  row: CameraRow;
  source: SourceAddress | null;
  /** Why the stored source cannot be used, if it cannot. */
  sourceProblem: string | null;
  stream: StreamLike;
  pipeline: PipelineLike | null;
  gate: DemandGate | null;
  status: CameraStatus;
  reason: string | null;
  since: number;
  /** Serializes stop/start of this camera's pipeline across concurrent edits. */
  chain: Promise<void>;
}

export const DEMO_CAMERA_COUNT = 4;
const IDLE_REASON = 'on demand: starts when someone watches';

/** Owns the set of cameras: their rows, their ingest pipelines and their live status.
 *  Every status change is published to the console. */
export class CameraService {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly now: () => number;
  private createPipeline: PipelineFactory | undefined;

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
    for (const row of this.deps.repo.list()) if (!this.runtimes.has(row.id)) this.addRuntime(row);
  }

  /** Starts one supervised pipeline per enabled camera. */
  startPipelines(createPipeline: PipelineFactory): void {
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

  async create(req: CameraCreateRequest): Promise<Camera> {
    if (this.runtimes.has(req.id) || this.deps.repo.find(req.id)) throw new ApiError('CONFLICT', `a camera with id ${JSON.stringify(req.id)} already exists`);
    const { row, source } = configureNew(req, this.deps.repo.nextPosition(), this.ctx());
    this.deps.repo.insert(row);
    const rt = this.addRuntime(row, source);
    this.deps.log.info({ camera: row.id, source: source?.display ?? null }, 'camera added');
    this.publish(rt);
    if (this.createPipeline) this.startOne(rt);
    return this.view(rt);
  }

  async update(id: string, req: CameraUpdateRequest): Promise<Camera> {
    const rt = this.runtimes.get(id);
    if (!rt) throw new ApiError('NOT_FOUND', `no camera with id ${JSON.stringify(id)}`);
    const { row, source } = configureUpdate(rt.row, rt.source, req, this.ctx());
    const restart = (Object.keys(req) as Array<keyof CameraUpdateRequest>).some((k) => !['location', 'notes', 'name'].includes(k)) || (row.kind === 'demo' && req.name !== undefined);
    this.deps.repo.update(row);
    rt.row = row;
    if (source !== rt.source) {
      rt.source = source;
      rt.sourceProblem = null;
    }
    this.deps.log.info({ camera: id, fields: Object.keys(req), restart }, 'camera updated');
    if (restart && this.createPipeline) {
      await this.serial(rt, async () => {
        await this.teardown(rt);
        this.startOne(rt);
      });
    }
    this.publish(rt);
    return this.view(rt);
  }

  async remove(id: string): Promise<boolean> {
    const r = this.runtimes.get(id);
    const existed = this.deps.repo.delete(id);
    if (r) {
      this.runtimes.delete(id);
      await this.serial(r, () => this.teardown(r));
      this.deps.closeStream(id);
      this.deps.snapshots.forget(id);
    }
    if (existed || r) {
      this.deps.log.info({ camera: id }, 'camera removed');
      this.deps.bus.publish({ type: 'camera.removed', id });
    }
    return existed || r !== undefined;
  }

  /** Puts a camera under privacy blackout or lifts it; stored with the camera, so it
   *  survives a restart. undefined for an unknown camera. Ending the partners' sessions
   *  is the access plane's part (core/blackout-wiring.ts). */
  setBlackout(id: string, on: boolean): Camera | undefined {
    const rt = this.runtimes.get(id);
    if (!rt) return undefined;
    if (this.isBlackedOut(id) !== on) {
      const { blackout: _was, ...options } = rt.row.options;
      rt.row = { ...rt.row, options: on ? { ...options, blackout: true } : options };
      this.deps.repo.update(rt.row);
      this.deps.log.warn({ camera: id, blackout: on }, on ? 'privacy blackout on' : 'privacy blackout lifted');
      this.publish(rt);
    }
    return this.view(rt);
  }

  isBlackedOut(id: string): boolean {
    return this.runtimes.get(id)?.row.options.blackout === true;
  }

  /** A recent JPEG of the camera; undefined for an unknown camera, null when there is no picture yet. */
  async snapshot(id: string): Promise<Snapshot | null | undefined> {
    const rt = this.runtimes.get(id);
    if (!rt) return undefined;
    return this.deps.snapshots.get(id, rt.stream);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runtimes.values()].map((r) => this.serial(r, () => this.teardown(r))));
  }

  private addRuntime(row: CameraRow, source?: SourceAddress | null): Runtime {
    let opened = source ?? null;
    let problem: string | null = null;
    if (source === undefined) {
      try {
        opened = openSource(row, this.ctx());
      } catch (err) {
        problem = (err as Error).message;
      }
    }
    const rt: Runtime = {
      row,
      source: opened,
      sourceProblem: problem,
      stream: this.deps.openStream(row.id),
      pipeline: null,
      gate: null,
      status: 'starting',
      reason: null,
      since: this.now(),
      chain: Promise.resolve(),
    };
    this.runtimes.set(row.id, rt);
    return rt;
  }

  private startOne(rt: Runtime): void {
    const { row, stream } = rt;
    if (!this.createPipeline) return;
    if (!row.enabled) return this.setStatus(rt, 'disabled', 'turned off by an operator');
    if (row.kind === 'demo' && !this.deps.demoEnabled) return this.setStatus(rt, 'disabled', 'demo cameras are turned off (--no-demo)');
    if (rt.sourceProblem) return this.setStatus(rt, 'error', rt.sourceProblem);
    const pipeline = this.createPipeline({ row, source: rt.source }, stream);
    rt.pipeline = pipeline;
    pipeline.on('state', (state: CameraStatus, reason: string | null) => {
      if (rt.pipeline !== pipeline) return;
      // An on-demand camera stopped for lack of viewers is idle, not disabled.
      if (state === 'disabled' && row.mode === 'on-demand') this.setStatus(rt, 'starting', IDLE_REASON);
      else this.setStatus(rt, state, reason);
    });
    pipeline.on('plan', () => this.publish(rt));
    if (row.mode === 'on-demand') {
      this.setStatus(rt, 'starting', IDLE_REASON);
      rt.gate = new DemandGate(
        stream,
        row.idleStopSec * 1000,
        () => {
          this.deps.log.info({ camera: row.id }, 'on-demand camera: first viewer, starting');
          pipeline.start();
        },
        () => {
          this.deps.log.info({ camera: row.id }, 'on-demand camera: no viewers left, stopping');
          void this.serial(rt, () => pipeline.stop());
        },
      );
    } else {
      pipeline.start();
    }
  }

  private async teardown(rt: Runtime): Promise<void> {
    rt.gate?.close();
    rt.gate = null;
    const p = rt.pipeline;
    rt.pipeline = null;
    if (p) {
      p.removeAllListeners('state');
      p.removeAllListeners('plan');
      await p.stop();
    }
  }

  private serial(rt: Runtime, job: () => Promise<void>): Promise<void> {
    const next = rt.chain.then(job, job);
    rt.chain = next.catch((err: unknown) => this.deps.log.error({ err, camera: rt.row.id }, 'camera pipeline change failed'));
    return next;
  }

  private ctx() {
    return { rules: this.deps.sourceRules, box: this.deps.box };
  }

  private setStatus(rt: Runtime, status: CameraStatus, reason: string | null): void {
    if (rt.status === status && rt.reason === reason) return;
    rt.status = status;
    rt.reason = reason;
    rt.since = this.now();
    if (this.runtimes.get(rt.row.id) !== rt) return;
    this.deps.log.info({ camera: rt.row.id, status, reason }, 'camera status');
    this.publish(rt);
  }

  private publish(rt: Runtime): void {
    if (this.runtimes.get(rt.row.id) !== rt) return;
    this.deps.bus.publish({ type: 'camera.status', camera: this.view(rt) });
  }

  private view(rt: Runtime): Camera {
    const camera = cameraView({
      row: rt.row,
      source: rt.source,
      status: rt.status,
      reason: rt.reason,
      since: rt.since,
      info: rt.stream.info(),
      viewers: rt.stream.viewerCount(),
      pipeline: rt.pipeline,
      now: this.now(),
    });
    return { ...camera, blackout: rt.row.options.blackout === true };
  }
}
