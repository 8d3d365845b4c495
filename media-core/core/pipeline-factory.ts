import { EventEmitter } from 'node:events';
import type { CameraStatus } from '../contracts/api';
import type { PipelineLike, StreamLike } from '../cameras/camera-service';
import type { CameraRow } from '../db/repos/cameras';
import type { Logger } from '../log/logger';
import { CameraPipeline } from '../ingest/index';
import { demoSourceArgs, detectDemoOverlay, type DemoOverlay } from '../ingest/demo-source';
import type { FfmpegLocation } from './ffmpeg-location';

/** A camera that cannot run because the appliance has no ffmpeg: it shows the reason. */
class UnavailablePipeline extends EventEmitter implements PipelineLike {
  readonly restarts = 0;
  readonly liveSince = null;
  state: CameraStatus = 'error';
  constructor(readonly reason: string) {
    super();
  }
  start(): void {
    queueMicrotask(() => this.emit('state', this.state, this.reason));
  }
  async stop(): Promise<void> {}
}

/** Turns a camera row into its supervised ffmpeg. Demo cameras get the synthetic source;
 *  real sources arrive with the ingest issue. */
export async function createPipelineFactory(ffmpeg: FfmpegLocation, log: Logger): Promise<(row: CameraRow, sink: StreamLike) => PipelineLike> {
  const ffmpegPath = ffmpeg.path;
  // Probed once at start-up: whether this ffmpeg can burn text in, and with which font.
  const overlay: DemoOverlay = ffmpegPath ? await detectDemoOverlay(ffmpegPath) : { kind: 'none', reason: 'no ffmpeg' };
  if (overlay.kind === 'none' && ffmpegPath) log.warn({ reason: overlay.reason }, 'demo cameras run without burned-in text');
  return (row, sink) => {
    if (!ffmpegPath) return new UnavailablePipeline(`ffmpeg is not available: ${ffmpeg.error ?? 'not found'}`);
    if (row.kind !== 'demo') return new UnavailablePipeline('this source type is not supported yet');
    const variant = Number(/(\d+)$/.exec(row.id)?.[1] ?? '0');
    return new CameraPipeline({
      cameraId: row.id,
      ffmpegPath,
      args: demoSourceArgs({ name: row.name, variant, overlay }),
      sink,
      log: log.child({ camera: row.id, component: 'ingest' }),
    });
  };
}
