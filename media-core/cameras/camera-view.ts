import type { Camera, CameraIngest, CameraInputInfo, CameraStatus } from '../contracts/api';
import type { CameraRow } from '../db/repos/cameras';
import type { SourceAddress } from '../ingest/source-url';
import { maskCredentials } from '../ingest/mask-credentials';

/** What the view needs from a camera's pipeline (see PipelineLike). */
export interface PipelineFacts {
  readonly restarts: number;
  readonly liveSince: number | null;
  readonly plan?: { path: 'copy' | 'transcode'; reason: string } | null;
  readonly input?: CameraInputInfo | null;
}

export interface StreamFacts {
  videoCodec: string | null;
  profile: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  hasAudio: boolean;
  bitrate: number;
}

export interface ViewInput {
  row: CameraRow;
  source: SourceAddress | null;
  status: CameraStatus;
  reason: string | null;
  since: number;
  info: StreamFacts;
  viewers: number;
  pipeline: PipelineFacts | null;
  now: number;
}

const DEMO_INGEST: CameraIngest = { path: 'transcode', reason: 'demo camera: a synthetic picture encoded to the codec policy' };

/** The API's picture of one camera. Credentials never appear: the address is masked. */
export function cameraView(v: ViewInput): Camera {
  const { row, info, pipeline: p } = v;
  const input = p?.input ?? null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    status: v.status,
    statusReason: v.reason,
    statusSince: new Date(v.since).toISOString(),
    stats: {
      videoCodec: info.videoCodec,
      profile: info.profile,
      width: info.width,
      height: info.height,
      fps: info.fps,
      bitrate: Math.round(info.bitrate),
      hasAudio: info.hasAudio,
      uptime: v.status === 'live' && p?.liveSince ? Math.round((v.now - p.liveSince) / 1000) : null,
      restarts: p?.restarts ?? 0,
      ...(row.kind === 'demo' ? {} : { input: input && inputInfo(input) }),
    },
    location: row.location,
    notes: row.notes,
    source: v.source ? maskedAddress(v.source) : row.kind === 'demo' ? null : '(cannot be read)',
    hasCredentials: Boolean(v.source?.username || v.source?.password),
    transport: row.transport,
    mode: row.mode,
    idleStopSec: row.idleStopSec,
    maxHeight: row.maxHeight,
    maxBitrateKbps: row.maxBitrateKbps,
    ingest: row.kind === 'demo' ? DEMO_INGEST : p?.plan ? { path: p.plan.path, reason: p.plan.reason } : { path: null, reason: null },
    viewers: v.viewers,
  };
}

function maskedAddress(source: SourceAddress): string {
  const masked = source.username || source.password ? source.display.replace(/^([a-z][a-z0-9+.-]*:\/\/)/i, '$1***@') : source.display;
  return maskCredentials(masked);
}

function inputInfo(i: CameraInputInfo): CameraInputInfo {
  return {
    videoCodec: i.videoCodec,
    profile: i.profile,
    width: i.width,
    height: i.height,
    fps: i.fps,
    gopSeconds: i.gopSeconds,
    bitrate: i.bitrate,
    audioCodec: i.audioCodec,
  };
}
