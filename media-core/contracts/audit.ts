// Access events and the audit trail, as the access plane emits them and the console API
// serves them. Only types, constants and the query schema.
import { z } from 'zod';

export type AccessProtocol = 'hls' | 'rtsp' | 'rtmp' | 'srt';
/** `api`: the partner OTP API (its own credential checks and rate limit). */
export type AuditProtocol = AccessProtocol | 'api';

/** Why access was refused. Stable: the abuse monitor and audit queries switch on them.
 *  They are never sent to the client, which only sees a generic 401/403/429. */
export const DENY_CODES = [
  'no_credentials',
  'token_unknown',
  'token_expired',
  'token_revoked',
  'token_ip_mismatch',
  'jwt_invalid',
  'jwt_expired',
  'api_credentials_invalid',
  'srt_key_invalid',
  'ip_not_allowed',
  'method_disabled',
  'partner_suspended',
  'partner_terminated',
  'partner_expired',
  'camera_not_granted',
  'outside_access_hours',
  'rate_limited',
  'too_many_connections',
  'max_sessions',
  'blocked',
  /** The camera is under an operator's privacy blackout. */
  'camera_blackout',
] as const;
export type DenyCode = (typeof DENY_CODES)[number];

/** One access decision, allowed or denied. Published on the access plane's event bus
 *  for every request; the audit trail stores every denial and every allow that opens a
 *  session (later allows of the same session are counted on its session row). */
export interface AccessEvent {
  at: number;
  protocol: AuditProtocol;
  camera: string | null;
  ip: string;
  userAgent: string | null;
  partnerId: string | null;
  partnerName: string | null;
  tokenId: string | null;
  method: string | null;
  kind: string | null;
  result: 'allow' | 'deny';
  /** 'ok' for allows, a DenyCode for denials. */
  code: string;
  /** Internal detail for the log and the audit trail; never sent to the client. */
  reason: string;
  sessionId: string | null;
  /** True on the allow that opened a session. */
  sessionStart: boolean;
  /** Proxy/CDN hints for the abuse monitor (via, x-forwarded-for, cf-ray, ...). */
  headers: Record<string, string>;
}

export type SessionEndReason =
  | 'idle'
  | 'closed'
  | 'token_revoked'
  | 'token_expired'
  | 'partner_suspended'
  | 'partner_terminated'
  | 'partner_expired'
  | 'partner_removed'
  | 'camera_not_granted'
  | 'outside_access_hours'
  | 'terminated_by_operator'
  | 'superseded'
  | 'core_stopped'
  | 'core_crashed'
  | (string & {});

export interface AuditDecisionRow {
  id: number;
  at: string;
  protocol: AuditProtocol;
  camera: string | null;
  ip: string;
  userAgent: string | null;
  partnerId: string | null;
  partnerName: string | null;
  tokenId: string | null;
  method: string | null;
  kind: string | null;
  result: 'allow' | 'deny';
  code: string;
  reason: string;
  sessionId: string | null;
}

export interface AuditSessionRow {
  id: string;
  partnerId: string;
  partnerName: string | null;
  tokenId: string | null;
  method: string;
  camera: string;
  protocol: AccessProtocol;
  ip: string;
  userAgent: string | null;
  startedAt: string;
  lastSeenAt: string | null;
  endedAt: string | null;
  bytes: number;
  requests: number;
  endReason: string | null;
}

export interface AuditPage<T> {
  items: T[];
  /** Pass as `before` to get the next (older) page; null when this was the last. */
  next: string | null;
}

const csvList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Query string of GET /api/v1/audit/{decisions,sessions}[/export]. */
export const AuditQuerySchema = z
  .object({
    partner: z.string().max(64).optional(),
    camera: z.string().max(64).optional(),
    ip: z.string().max(64).optional(),
    protocol: csvList.optional(),
    result: z.enum(['allow', 'deny']).optional(),
    code: csvList.optional(),
    /** ISO date-time bounds, inclusive from, exclusive to. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    /** Opaque cursor from a previous page's `next`. */
    before: z.string().max(100).optional(),
    format: z.enum(['csv', 'jsonl']).optional(),
    /** The operator's session token: a download link (the export) cannot send headers. */
    token: z.string().max(200).optional(),
  })
  .strict();
export type AuditQueryInput = z.input<typeof AuditQuerySchema>;
export type AuditQuery = z.output<typeof AuditQuerySchema>;
