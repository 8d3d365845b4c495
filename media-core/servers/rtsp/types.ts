// What the RTSP server needs from the rest of the core, declared narrowly so that core/
// can pass a CameraStream and an adapter over the access plane without this folder
// importing either.
import type { DigestCredentials } from '../../protocols/rtsp';

export interface RtspAccessUnit {
  kind: 'video' | 'audio';
  codec: string;
  /** 90 kHz, unwrapped. */
  pts: number;
  dts: number;
  keyframe: boolean;
  /** H.264: one Annex-B access unit. AAC: ADTS frame(s). */
  data: Buffer;
}

export interface RtspSourceReader {
  onAccessUnit(au: RtspAccessUnit): void;
  onDiscontinuity(): void;
}

export interface RtspCodecConfig {
  video: { codec: string; sps: Buffer | null; pps: Buffer | null } | null;
  audio: { codec: string; sampleRate: number; channels: number; config: Buffer } | null;
}

/** One camera's live media (a CameraStream fits structurally). */
export interface RtspSource {
  /** Must replay the cached GOP synchronously when fromKeyframe is true. */
  subscribe(reader: RtspSourceReader, opts: { fromKeyframe: boolean }): () => void;
  codecConfig(): RtspCodecConfig;
  /** 'close': the camera was removed; its sessions end. */
  once?(event: 'close', listener: () => void): unknown;
  off?(event: 'close', listener: () => void): unknown;
}

/** Credentials found in an RTSP request. Basic auth is never accepted (cleartext). */
export interface RtspCredentials {
  /** ?token=… (OTP). */
  otp?: string;
  /** ?jwt=…, a JWT-shaped ?token=…, or Authorization: Bearer. */
  jwt?: string;
  /** A Digest Authorization whose nonce this server issued and still honours; the
   *  response is NOT verified here: the plane checks it against the partner's stored
   *  HA1 with verifyDigest() from protocols/rtsp. */
  digest?: DigestCredentials;
}

export interface RtspAuthRequest {
  protocol: 'rtsp';
  camera: string;
  /** Remote address, IPv4-mapped IPv6 unwrapped. */
  ip: string;
  userAgent: string | undefined;
  /** Request headers, lower-cased names, Authorization removed. */
  headers: Record<string, string>;
  credentials: RtspCredentials;
  /** RTSP is a long-lived protocol: one decision per connection and camera. */
  kind: 'session';
}

export interface RtspGrant {
  ok: true;
  partnerId: string;
  partnerName: string;
  method: string;
  tokenId?: string | undefined;
  limits?: unknown;
}

export interface RtspDenial {
  ok: false;
  status: 401 | 403 | 404 | 429 | 453 | 503;
  code: string;
  reason: string;
  retryAfterSec?: number | undefined;
}

export type RtspDecision = RtspGrant | RtspDenial;

/** An audited partner session. The plane may end it at any moment through onTerminate;
 *  close() must be idempotent (the server also calls it after a termination). */
export interface RtspAccessSession {
  readonly id: string;
  addBytes(n: number): void;
  /** reason: one of RTSP_END_REASONS. */
  close(reason: string): void;
  onTerminate(cb: (reason: string) => void): void;
}

export type RtspSessionOpen = { ok: true; session: RtspAccessSession } | RtspDenial;

/** Live media cannot wait for a slot, so the budget answers at once. */
export interface RtspBandwidth {
  /** Whether `bytes` of the partner's media may go now: true books them, false means
   *  "over budget, drop them". capBytesPerSec: the grant's cap, null when it has none. */
  admit(partnerId: string, bytes: number, capBytesPerSec: number | null): boolean;
}

/** What the server needs of the access plane (media-core/access's AccessPlane fits it
 *  as it is). */
export interface RtspAccess {
  authorize(req: RtspAuthRequest): Promise<RtspDecision>;
  /** Connection caps etc.; a denial refuses the SETUP. */
  openSession(grant: RtspGrant, req: RtspAuthRequest): RtspSessionOpen | Promise<RtspSessionOpen>;
  /** Concurrent TCP connections per address, shared with the other listeners: a release
   *  function, or null when the address is at its limit (answered 503, then closed). */
  readonly connections?: { acquire(ip: string): (() => void) | null };
  /** The partner's delivery budget, shared with the other protocols (its bandwidth cap
   *  and the abuse monitor's throttle). Absent: RTSP is not metered. */
  readonly bandwidth?: RtspBandwidth;
  /** Audits a decision taken outside authorize() (the per-address connection cap). */
  record?(e: { protocol: 'rtsp'; ip: string; result: 'deny'; code: string; reason: string }): unknown;
}

/** Why the server ended a session, as the audit trail records it (the plane's own
 *  reasons arrive through onTerminate). */
export const RTSP_END_REASONS = {
  teardown: 'teardown',
  clientClosed: 'client_closed',
  timeout: 'session_timeout',
  slowClient: 'slow_client',
  cameraGone: 'camera_closed',
  stopping: 'core_stopped',
  protocolError: 'protocol_error',
} as const;
export type RtspEndReason = (typeof RTSP_END_REASONS)[keyof typeof RTSP_END_REASONS];

export interface RtspServerStats {
  connections: number;
  sessions: number;
  playing: number;
  /** RTP packets and bytes sent since start (all sessions). */
  rtpPackets: number;
  rtpBytes: number;
  /** Video access units dropped because their partner was over its bandwidth budget. */
  droppedAccessUnits: number;
  /** Media and responses written but not yet taken by the kernel, all connections. */
  queuedBytes: number;
}
