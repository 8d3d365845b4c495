// Partner access, as the console API and its clients see it. Only types and constants.
// Request bodies and their validation are in partner-requests.ts.

export const PARTNER_TYPES = ['news_media', 'partner_agency_vms', 'emergency_operations', 'temporary_event', 'other'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** How a partner may prove who it is. `ip`: an address on its allow-list needs no token. */
export const AUTH_METHODS = ['otp', 'ip', 'srt_key', 'jwt'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly window in the partner's time zone. `end` may be '24:00'; an `end` at or
 *  before `start` runs past midnight into the next day. */
export interface AccessWindow {
  days: Weekday[];
  start: string; // 'HH:MM'
  end: string; // 'HH:MM'
}

export type AccessHours = { mode: 'always' } | { mode: 'weekly'; timeZone: string; windows: AccessWindow[] };

export const JWT_ALGORITHMS = ['HS256', 'RS256', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** A JWT verification key as the API shows it: never the key material itself. */
export interface JwtKeyView {
  kid: string;
  alg: JwtAlgorithm;
  /** First 16 hex digits of SHA-256 of the key material, to tell keys apart. */
  fingerprint: string;
}

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  contactEmail: string | null;
  status: PartnerStatus;
  /** Camera ids this partner may watch. */
  cameras: string[];
  auth: AuthMethod[];
  /** IPv4/IPv6 addresses or CIDRs. */
  ipAllowList: string[];
  /** Concurrent viewer sessions across all of the partner's clients. */
  maxConnections: number;
  /** Concurrent sessions from one address; null = the global default (25). */
  connectionsPerIp: number | null;
  /** Total delivery rate cap in Mbit/s; null = uncapped. */
  bandwidthMbps: number | null;
  accessHours: AccessHours;
  tokenDefaultMinutes: number;
  tokenMaxMinutes: number;
  /** Temporary events: at `validUntil` every token is revoked and access ends. */
  autoRevoke: boolean;
  validUntil: string | null;
  reshare: boolean;
  /** Browser origins allowed to play the partner's streams (CORS), e.g. https://news.example. */
  allowedOrigins: string[];
  notes: string;
  /** The OTP API user name; the password is shown only when it is made. */
  apiUser: string | null;
  jwtKeys: JwtKeyView[];
  srtKeySet: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Shown exactly once, when created or rotated. */
export interface PartnerCredentials {
  apiuser: string;
  apipass: string;
}

export interface PartnerCreated {
  partner: Partner;
  credentials: PartnerCredentials;
}

/** Settings a preset fills in; anything given explicitly wins. */
export interface PartnerPreset {
  type: PartnerType;
  label: string;
  why: string;
  settings: {
    auth: AuthMethod[];
    tokenDefaultMinutes: number;
    tokenMaxMinutes: number;
    bandwidthMbps: number | null;
    maxConnections: number;
    autoRevoke: boolean;
    ipAllowList?: string[];
  };
}

/** The spec's table of recommended settings per partner type. */
export const PARTNER_PRESETS: readonly PartnerPreset[] = [
  {
    type: 'news_media',
    label: 'News media',
    why: 'HLS + OTP: web-based, public facing, needs easy revocation',
    settings: { auth: ['otp'], tokenDefaultMinutes: 30, tokenMaxMinutes: 120, bandwidthMbps: 10, maxConnections: 10, autoRevoke: false },
  },
  {
    type: 'partner_agency_vms',
    label: 'Partner agency VMS',
    why: 'RTSP + IP allow-list: fixed location, system integration',
    settings: { auth: ['ip'], tokenDefaultMinutes: 10, tokenMaxMinutes: 60, bandwidthMbps: null, maxConnections: 25, autoRevoke: false, ipAllowList: [] },
  },
  {
    type: 'emergency_operations',
    label: 'Emergency operations',
    why: 'Multiple methods for redundancy: primary RTSP + IP allow-list, backup HLS + OTP',
    settings: { auth: ['ip', 'otp'], tokenDefaultMinutes: 60, tokenMaxMinutes: 24 * 60, bandwidthMbps: null, maxConnections: 25, autoRevoke: false },
  },
  {
    type: 'temporary_event',
    label: 'Temporary event',
    why: 'HLS + time-limited OTP: auto-expires after the event',
    settings: { auth: ['otp'], tokenDefaultMinutes: 60, tokenMaxMinutes: 60, bandwidthMbps: null, maxConnections: 10, autoRevoke: true },
  },
  {
    type: 'other',
    label: 'Other',
    why: 'Conservative defaults: OTP with the default 10-minute tokens',
    settings: { auth: ['otp'], tokenDefaultMinutes: 10, tokenMaxMinutes: 60, bandwidthMbps: null, maxConnections: 5, autoRevoke: false },
  },
];

export type TokenHashType = 'numeric' | 'alphanumeric' | 'hex';
export type TokenStatus = 'active' | 'expired' | 'revoked';

/** An OTP token as the console sees it: its id, never the token. */
export interface TokenView {
  id: string;
  partnerId: string;
  cameras: string[] | null;
  bindIp: string | null;
  hashType: TokenHashType;
  length: number;
  createdAt: string;
  expiresAt: string;
  status: TokenStatus;
  revokedAt: string | null;
  secondsRemaining: number;
  /** Client addresses that used the token, first use first. */
  ips: string[];
}

export interface TokenCreated {
  /** Shown exactly once. */
  token: string;
  info: TokenView;
}

export type SessionProtocol = 'hls' | 'rtsp' | 'rtmp' | 'srt';

/** A viewing session running now. */
export interface SessionView {
  id: string;
  partnerId: string;
  partnerName: string;
  tokenId: string | null;
  method: string;
  camera: string;
  protocol: SessionProtocol;
  ip: string;
  userAgent: string | null;
  startedAt: string;
  bytes: number;
  requests: number;
}

/** Appliance-wide limits; the defaults are the spec's numbers. */
export interface AccessLimits {
  authPerSec: number;
  authBurst: number;
  segmentsPerSec: number;
  segmentBurst: number;
  connectionsPerIp: number;
  /** A request-based session (HLS) with no request for this long has ended. */
  sessionIdleSec: number;
}

export const DEFAULT_ACCESS_LIMITS: AccessLimits = {
  authPerSec: 1,
  authBurst: 5,
  segmentsPerSec: 100,
  segmentBurst: 100,
  connectionsPerIp: 25,
  sessionIdleSec: 30,
};
