// The narrow interfaces the abuse monitor needs from the rest of the core. core/ adapts
// the access plane, the partner service and the audit trail to them.
import type { AbuseDetector, AbuseSettings, Alert } from '../contracts/alerts';
import type { AccessEvent } from '../contracts/audit';

/** The alert events of the console's live stream (ConsoleEvent has them). */
export type AlertConsoleEvent =
  | { type: 'alert.created'; alert: Alert; unread: number }
  | { type: 'alert.updated'; alert: Alert; unread: number };

/** Per-partner delivery over one interval, from the access plane's byte accounting. */
export interface UsageSample {
  at: number;
  partnerId: string;
  bytes: number;
  intervalMs: number;
  /** The partner's configured cap (before any throttle), null when uncapped. */
  capBytesPerSec: number | null;
}

/** One HLS segment handed to a client, for "downloading rather than streaming". */
export interface SegmentFetch {
  at: number;
  partnerId: string | null;
  tokenId: string | null;
  sessionId: string | null;
  camera: string;
  ip: string;
  userAgent: string | null;
  seq: number;
  durationSec: number;
  /** Sequence number of the newest segment when this one was served. */
  newestSeq: number;
}

/** What the monitor reads. Each subscribe returns its unsubscribe. */
export interface AbuseInput {
  onAccess(listener: (e: AccessEvent) => void): () => void;
  onUsage?(listener: (s: UsageSample) => void): () => void;
  onSegment?(listener: (f: SegmentFetch) => void): () => void;
  onSessionEnded?(listener: (sessionId: string) => void): () => void;
}

/** What the monitor knows of a partner when it decides a response. */
export interface PartnerFacts {
  id: string;
  name: string;
  status: 'active' | 'suspended' | 'terminated';
  contactEmail: string | null;
  /** Explicit permission to redistribute: redistribution signals are expected. */
  reshare: boolean;
  bandwidthBytesPerSec: number | null;
  /** On its IP allow-list. */
  allowListed(ip: string): boolean;
}

/** The responses, enforced by the access plane on every protocol at once. */
export interface AbuseActions {
  partner(partnerId: string): PartnerFacts | null;
  /** Scales the partner's delivery rate (1 = back to normal). For an uncapped partner
   *  the plane caps it at `factor` × `observedBytesPerSec`. */
  throttlePartner(partnerId: string, factor: number, observedBytesPerSec: number | null): void;
  /** Status suspended: every running session is cut, every new request refused. */
  suspendPartner(partnerId: string, reason: string, actor: string): void;
  /** Status terminated, every token revoked, sessions cut, flagged for legal. */
  terminatePartner(partnerId: string, reason: string, actor: string): void;
  /** Status active again (an operator's decision). */
  reinstatePartner(partnerId: string, actor: string): void;
  /** Cuts running sessions (long-lived protocols) from an address just blocked. */
  endSessionsFrom(ip: string, reason: string): number;
}

/** Where operator actions and automatic responses land in the audit trail. */
export interface AuditSink {
  recordOperatorAction(a: {
    at: number;
    /** 'abuse-monitor' or the operator's user name. */
    actor: string;
    action: string;
    partnerId: string | null;
    ip: string | null;
    alertId: number | null;
    detail: Record<string, unknown>;
  }): void;
}

/** Where console events go (the core's EventBus fits). */
export interface AlertEventSink {
  publish(e: AlertConsoleEvent): void;
}

/** What a detector found: one suspicious pattern, with its evidence. */
export interface Finding {
  detector: AbuseDetector;
  at: number;
  /** Repeats of one finding share a subject (token id, address, partner id...). */
  subject: string;
  partnerId: string | null;
  partnerName: string | null;
  camera: string | null;
  ip: string | null;
  tokenId: string | null;
  /** How the offending access was authorised ('ip' = allow-list). */
  method: string | null;
  summary: string;
  metrics: Record<string, number | string>;
  evidence: AccessEvent[];
  /** The address itself misbehaved (floods, guessing): it gets a progressive block. */
  blockIp?: boolean;
}

export interface DetectorContext {
  readonly settings: AbuseSettings;
}

/** A detector sees the inputs and returns findings; it keeps bounded state only. */
export interface Detector {
  readonly name: string;
  onAccess?(e: AccessEvent, ctx: DetectorContext): Finding[];
  onUsage?(s: UsageSample, ctx: DetectorContext): Finding[];
  onSegment?(f: SegmentFetch, ctx: DetectorContext): Finding[];
  onSessionEnded?(sessionId: string): void;
  /** Periodic: time-based findings and forgetting old state. */
  tick?(now: number, ctx: DetectorContext): Finding[];
}

export type Clock = () => number;
