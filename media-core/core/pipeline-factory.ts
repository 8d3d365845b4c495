import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraStatus } from '../contracts/api';
import type { PipelineFactory, PipelineLike } from '../cameras/camera-service';
import type { Logger } from '../log/logger';
import { CameraPipeline, type BackoffPolicy, type PipelineOptions } from '../ingest/index';
import { demoSourceArgs, detectDemoOverlay, type DemoOverlay } from '../ingest/demo-source';
import { resolveFfprobe } from '../ingest/ffmpeg-path';
import type { IngestArgsOptions } from '../ingest/ingest-plan';
import { ffmpegMajorVersion } from '../ingest/rtsp-source';
import { SourcePipeline } from '../ingest/source-pipeline';
import { filePathOf, fileStillInside } from '../ingest/source-url';
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

export interface PipelineFactoryOptions {
  /** The folder file: sources must stay in; null turns them off. */
  fileDir: string | null;
  /** Supervision tuning (tests shorten these). */
  backoff?: BackoffPolicy;
  supervision?: Partial<Pick<PipelineOptions, 'stallAfterMs' | 'stallGraceMs' | 'startTimeoutMs' | 'healthyAfterMs' | 'stopTimeoutMs'>>;
  encoder?: IngestArgsOptions;
  probeWindowSeconds?: number;
}

/** The folder file: sources may read from: env WINK_FILE_SOURCE_DIR, else <dataDir>/media
 *  (created, so operators know where to put files). */
export function fileSourceDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.WINK_FILE_SOURCE_DIR || join(dataDir, 'media');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Turns a camera into its supervised ffmpeg: demo cameras get the synthetic source, real
 *  ones are probed and run under the codec policy. */
export async function createPipelineFactory(ffmpeg: FfmpegLocation, log: Logger, opts: PipelineFactoryOptions): Promise<PipelineFactory> {
  const ffmpegPath = ffmpeg.path;
  // Probed once at start-up: whether this ffmpeg can burn text in, and with which font.
  const overlay: DemoOverlay = ffmpegPath ? await detectDemoOverlay(ffmpegPath) : { kind: 'none', reason: 'no ffmpeg' };
  if (overlay.kind === 'none' && ffmpegPath) log.warn({ reason: overlay.reason }, 'demo cameras run without burned-in text');
  const ffprobePath = ffmpegPath ? await resolveFfprobe(ffmpegPath) : null;
  if (ffmpegPath && !ffprobePath) log.error('ffprobe not found next to ffmpeg or on PATH; real cameras cannot be probed');
  const major = ffmpegMajorVersion(ffmpeg.version);

  return ({ row, source }, stream) => {
    if (!ffmpegPath) return new UnavailablePipeline(`ffmpeg is not available: ${ffmpeg.error ?? 'not found'}`);
    const camLog = log.child({ camera: row.id, component: 'ingest' });
    if (row.kind === 'demo') {
      const variant = Number(/(\d+)$/.exec(row.id)?.[1] ?? '0');
      return new CameraPipeline({
        ...opts.supervision,
        cameraId: row.id,
        ffmpegPath,
        args: demoSourceArgs({ name: row.name, variant, overlay }),
        sink: stream,
        log: camLog,
        ...(opts.backoff ? { backoff: opts.backoff } : {}),
      });
    }
    if (!source) return new UnavailablePipeline('the camera has no usable source address');
    if (!ffprobePath) return new UnavailablePipeline('ffprobe is not available, so the camera cannot be probed (install ffmpeg, which includes it)');
    const file = filePathOf(source);
    return new SourcePipeline({
      cameraId: row.id,
      source,
      transport: row.transport,
      overrides: { maxHeight: row.maxHeight, maxBitrateKbps: row.maxBitrateKbps },
      ffmpegPath,
      ffprobePath,
      ffmpegMajorVersion: major,
      sink: stream,
      watch: stream,
      log: camLog,
      // A link inside the media folder may have been pointed elsewhere since the camera was saved.
      precheck: () =>
        file !== null && (!opts.fileDir || !fileStillInside(opts.fileDir, file))
          ? { kind: 'error', reason: 'the file source is no longer inside the media folder' }
          : null,
      ...(opts.supervision ? { pipeline: opts.supervision } : {}),
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
      ...(opts.encoder ? { encoder: opts.encoder } : {}),
      ...(opts.probeWindowSeconds ? { probeWindowSeconds: opts.probeWindowSeconds } : {}),
    });
  };
}
