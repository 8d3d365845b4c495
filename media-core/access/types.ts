import type { AccessEvent, AccessProtocol, DenyCode, SessionEndReason } from '../contracts/audit';
import type { DigestCredentials } from '../protocols/rtsp/digest';
import type { SessionStartRecord, SessionProgressRecord } from '../db/repos/audit';

export type Protocol = AccessProtocol;

/** What a protocol server hands the access plane for one request or connection. */
export interface AccessRequest {
  protocol: Protocol;
  camera: string;
  /** The client's address as the socket sees it (IPv4-mapped IPv6 is normalised). */
  ip: string;
  userAgent?: string | undefined;
  headers?: Record<string, string | string[] | undefined> | undefined;
  credentials: AccessCredentials;
  /** HLS: 'playlist' | 'segment'; long-lived protocols: 'session'. */
  kind?: 'playlist' | 'segment' | 'session' | undefined;
}

export interface AccessCredentials {
  /** An OTP token (HLS ?token=, RTSP/RTMP URL query, or an RTSP Basic password). */
  otp?: string | undefined;
  /** A JWT (?jwt= or Authorization: Bearer). */
  jwt?: string | undefined;
  /** The partner's OTP API credentials, e.g. from RTSP Basic auth. Slow to check (scrypt). */
  apiUser?: string | undefined;
  apiPass?: string | undefined;
  /** The partner's SRT key (from the SRT stream id). */
  srtKey?: string | undefined;
  /** An RTSP Digest answer (username = the partner's apiuser), nonce already checked by
   *  the RTSP server; the plane verifies the response against the sealed HA1. */
  digest?: DigestCredentials | undefined;
}

export type AccessMethod = 'otp' | 'ip' | 'jwt' | 'api-credentials' | 'srt-key';

export interface DecisionLimits {
  /** Concurrent sessions for the whole partner. */
  maxSessions: number;
  /** Concurrent sessions from one address. */
  connectionsPerIp: number;
  /** Delivery cap in bytes/s before any runtime multiplier; null = none. */
  bandwidthBytesPerSec: number | null;
}

export type AccessAllow = {
  ok: true;
  partnerId: string;
  partnerName: string;
  method: AccessMethod;
  tokenId?: string | undefined;
  limits: DecisionLimits;
  /** Origins allowed to read the answer from a browser ('*' allowed). */
  allowedOrigins: readonly string[];
};

export type AccessDeny = {
  ok: false;
  status: 401 | 403 | 404 | 429;
  code: DenyCode;
  /** Internal detail for logs and the audit trail: never sent to the client. */
  reason: string;
  retryAfterSec?: number | undefined;
  partnerId?: string | undefined;
  tokenId?: string | undefined;
};

export type AccessDecision = AccessAllow | AccessDeny;

export interface SessionHandle {
  readonly id: string;
  readonly partnerId: string;
  readonly camera: string;
  addBytes(n: number): void;
  /** Ends the session (the client left). Idempotent. */
  close(reason?: SessionEndReason): void;
  /** Called once when the access plane ends the session (revoked, expired, suspended,
   *  out of hours, idle...) or it was closed. Long-lived protocols drop the connection. */
  onTerminate(cb: (reason: SessionEndReason) => void): void;
  readonly closed: boolean;
}

export type SessionOpen = { ok: true; session: SessionHandle; started: boolean } | AccessDeny;

/** Where the access plane writes its audit trail; `audit/` implements it, `core/` wires
 *  it. Promises resolve once the record is durable (committed to SQLite). */
export interface AccessAuditSink {
  decision(e: AccessEvent): Promise<void>;
  sessionStarted(s: SessionStartRecord): Promise<void>;
  sessionProgress(p: SessionProgressRecord): void;
  sessionEnded(p: SessionProgressRecord, endedAt: number, reason: SessionEndReason): void;
}

/** A check the access plane runs before anything else (IP blocks of the abuse monitor,
 *  camera blackouts). Returns a denial to refuse, null to go on. */
export type AccessGuard = (req: AccessRequest) => AccessDeny | null;
