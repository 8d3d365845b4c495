// Types shared by the console API (media-core/servers/console) and its clients
// (renderer/services, tests, scripts). Only types and constants: no Node imports.
import type { Alert } from './alerts';

export const API_PREFIX = '/api/v1';

export type OperatorRole = 'admin' | 'viewer';

export interface Operator {
  username: string;
  role: OperatorRole;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  operator: Operator;
  /** Seconds until the token expires. */
  expiresIn: number;
}

/** starting: ffmpeg spawned, no media yet; live: media flowing; stalled: media stopped
 *  for a few seconds; offline: the source cannot be reached, retrying with backoff;
 *  error: the source refuses us for a reason retrying will not fix soon (auth, codec);
 *  disabled: turned off by an operator. */
export type CameraStatus = 'starting' | 'live' | 'stalled' | 'offline' | 'error' | 'disabled';

export type CameraKind = 'demo' | 'source';

export interface CameraStats {
  videoCodec: string | null;
  profile: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  /** Bits per second measured on the ingest pipe over the last few seconds. */
  bitrate: number;
  hasAudio: boolean;
  /** Seconds since the current ffmpeg run went live, null when not live. */
  uptime: number | null;
  restarts: number;
  /** What the camera itself sends, as probed (the fields above describe what the
   *  appliance re-serves). Absent for demo cameras, null before the first probe. */
  input?: CameraInputInfo | null;
}

export interface CameraInputInfo {
  videoCodec: string | null;
  profile: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  /** Longest keyframe interval seen while probing, seconds; null if not measured. */
  gopSeconds: number | null;
  /** Video bits per second measured while probing; null if not measured. */
  bitrate: number | null;
  audioCodec: string | null;
}

/** always-on: pulled all the time. on-demand: pulled from the first viewer until
 *  idleStopSec after the last one left. */
export type CameraMode = 'always-on' | 'on-demand';

/** How RTSP media travels: interleaved on the TCP connection (survives NAT and
 *  firewalls), UDP (lower latency on a clean LAN), or auto (ffmpeg tries UDP, then TCP). */
export type RtspTransport = 'tcp' | 'udp' | 'auto';

/** copy: the source already meets the codec policy and is passed through untouched;
 *  transcode: re-encoded to H.264 Baseline, 2 s GOP, AAC 64 kbit/s mono. */
export type IngestPath = 'copy' | 'transcode';

export interface CameraIngest {
  /** null until the source has been probed. */
  path: IngestPath | null;
  /** Why this path, in an operator's words. */
  reason: string | null;
}

/** URL-safe slug used in every stream URL. */
export const CAMERA_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** The codec policy's adaptive bitrate range for transcoded video, kbit/s. */
export const VIDEO_BITRATE_RANGE_KBPS = { min: 400, max: 4000 } as const;

export interface Camera {
  id: string;
  name: string;
  kind: CameraKind;
  enabled: boolean;
  status: CameraStatus;
  /** A sentence an operator understands, for stalled/offline/error states. */
  statusReason: string | null;
  statusSince: string;
  stats: CameraStats;
  // The fields below are absent on demo cameras of older cores; clients treat them as optional.
  location?: string;
  notes?: string;
  /** The source address with any credentials masked (rtsp://***@host/path); null for demo cameras. */
  source?: string | null;
  /** Whether credentials are stored for the source (never returned themselves). */
  hasCredentials?: boolean;
  transport?: RtspTransport;
  mode?: CameraMode;
  /** on-demand: seconds the camera keeps running after its last viewer left. */
  idleStopSec?: number;
  /** Downscale to at most this many lines (never upscaled); null keeps the source's. */
  maxHeight?: number | null;
  /** Ceiling of the transcoded video bitrate, kbit/s (within VIDEO_BITRATE_RANGE_KBPS). */
  maxBitrateKbps?: number | null;
  ingest?: CameraIngest;
  /** Readers of the camera right now (operators and partners, all protocols). */
  viewers?: number;
  /** Privacy blackout: every partner is refused and their sessions end; operators still
   *  see the camera. Absent on older cores (= false). */
  blackout?: boolean;
}

/** POST /api/v1/cameras. `source` may carry `user:pass@`; `username`/`password`, when
 *  given, replace whatever the URL carries (handy for passwords with special characters). */
export interface CameraCreateRequest {
  id: string;
  name: string;
  source: string;
  username?: string;
  password?: string;
  transport?: RtspTransport;
  location?: string;
  notes?: string;
  enabled?: boolean;
  mode?: CameraMode;
  idleStopSec?: number;
  maxHeight?: number | null;
  maxBitrateKbps?: number | null;
}

/** PATCH /api/v1/cameras/:id: only the fields given change. A new `source` without
 *  credentials keeps the stored ones unless `clearCredentials` is true. */
export type CameraUpdateRequest = Partial<Omit<CameraCreateRequest, 'id'>> & { clearCredentials?: boolean };

export interface ListenerInfo {
  name: string;
  address: string;
}

export interface SystemInfo {
  version: string;
  startedAt: string;
  listeners: Record<string, string>;
  dataDir: string;
  ffmpeg: { path: string; source: string; version: string | null };
  /** The fields below came later; a client must cope with an older core without them. */
  uptimeSec?: number;
  /** The core process and the machine it runs on. */
  resources?: SystemResources;
  database?: DatabaseInfo;
  /** Camera pipelines at a glance. */
  pipelines?: PipelineHealth;
  /** True when the partner HTTP listener speaks HTTPS (--tls-cert/--tls-key). */
  partnerTls?: boolean;
}

export interface SystemResources {
  /** Share of one CPU core the core process used since the previous reading (0–100 per
   *  core, so up to 100 × cpuCount). */
  cpuPercent: number;
  cpuCount: number;
  /** 1, 5 and 15 minute load averages of the machine (zeros on Windows). */
  loadAverage: [number, number, number];
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  systemMemoryTotalBytes: number;
  systemMemoryFreeBytes: number;
  nodeVersion: string;
  platform: string;
}

export interface DatabaseInfo {
  /** Main file plus write-ahead log. */
  sizeBytes: number;
  walBytes: number;
  schemaVersion: number;
}

export interface PipelineHealth {
  total: number;
  byStatus: Record<CameraStatus, number>;
  /** ffmpeg restarts summed over every camera since the core started. */
  restarts: number;
}

/** Events pushed on GET /api/v1/events (Server-Sent Events, `event:` = type). */
export type ConsoleEvent =
  | { type: 'hello'; at: string }
  | { type: 'camera.status'; camera: Camera }
  /** Every few seconds: the live figures of every camera, by id. */
  | { type: 'camera.stats'; stats: Record<string, CameraStats> }
  | { type: 'camera.removed'; id: string }
  /** An abuse alert was raised, or changed (repeat, response, acknowledgement,
   *  notification state). `unread` is the badge count after the change. */
  | { type: 'alert.created'; alert: Alert; unread: number }
  | { type: 'alert.updated'; alert: Alert; unread: number };

export type ConsoleEventType = ConsoleEvent['type'];
