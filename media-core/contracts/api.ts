// Types shared by the console API (media-core/servers/console) and its clients
// (renderer/services, tests, scripts). Only types and constants: no Node imports.

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
}

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
}

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
}

/** Events pushed on GET /api/v1/events (Server-Sent Events, `event:` = type). */
export type ConsoleEvent =
  | { type: 'hello'; at: string }
  | { type: 'camera.status'; camera: Camera }
  /** Every few seconds: the live figures of every camera, by id. */
  | { type: 'camera.stats'; stats: Record<string, CameraStats> }
  | { type: 'camera.removed'; id: string };

export type ConsoleEventType = ConsoleEvent['type'];
