// Abuse alerts and the abuse monitor's settings, as the console API serves them. Only
// types, constants and schemas: the renderer imports this file too.
import { z } from 'zod';
import type { AccessEvent } from './audit';

/** What noticed the misuse. Stable: stored in alerts, filtered on, switched on by UIs. */
export const ABUSE_DETECTORS = [
  'token_many_ips',
  'geo_impossible',
  'user_agent_changed',
  'bandwidth_sustained',
  'bandwidth_spike',
  'download_pattern',
  'duplicate_streams',
  'reverse_proxy',
  'cdn_headers',
  'auth_failures',
  'connection_rate',
  'ungranted_camera',
] as const;
export type AbuseDetector = (typeof ABUSE_DETECTORS)[number];

export type AbuseCategory = 'credential_sharing' | 'bandwidth' | 'redistribution' | 'system';

export const DETECTOR_INFO: Record<AbuseDetector, { category: AbuseCategory; label: string }> = {
  token_many_ips: { category: 'credential_sharing', label: 'One token used from too many addresses' },
  geo_impossible: { category: 'credential_sharing', label: 'Impossible travel between two uses' },
  user_agent_changed: { category: 'credential_sharing', label: 'User agent changed mid-session' },
  bandwidth_sustained: { category: 'bandwidth', label: 'Sustained use near the bandwidth cap' },
  bandwidth_spike: { category: 'bandwidth', label: 'Bandwidth spike above normal' },
  download_pattern: { category: 'bandwidth', label: 'Downloading rather than streaming' },
  duplicate_streams: { category: 'redistribution', label: 'Identical streams from one source' },
  reverse_proxy: { category: 'redistribution', label: 'Reverse-proxy signature' },
  cdn_headers: { category: 'redistribution', label: 'CDN headers' },
  auth_failures: { category: 'system', label: 'Repeated authentication failures' },
  connection_rate: { category: 'system', label: 'Sustained high connection rate' },
  ungranted_camera: { category: 'system', label: 'Attempts at cameras not granted' },
};

/** The spec's four automated responses; 0 = alert only. */
export type ResponseLevel = 0 | 1 | 2 | 3 | 4;
export const RESPONSE_LEVEL_NAMES = ['alert only', 'warning', 'throttle', 'suspend', 'terminate'] as const;

export const ALERT_SEVERITIES = ['info', 'warning', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** One thing the monitor (or an operator) did about an alert. */
export type AlertAction =
  | { kind: 'warn' }
  | { kind: 'throttle'; factor: number }
  | { kind: 'suspend' }
  | { kind: 'terminate' }
  | { kind: 'ip_block'; ip: string; until: string | null; step: number }
  | { kind: 'none'; why: string };

export interface AlertResponse {
  /** The partner's level after this alert (0 when no partner is involved). */
  level: ResponseLevel;
  actions: AlertAction[];
  /** One sentence for people: what was done. */
  summary: string;
}

export type NotificationChannel = 'email' | 'webhook';
/** skipped: could not even be tried (no SMTP configured, no contact on file). */
export type NotificationState = 'pending' | 'sent' | 'failed' | 'skipped';

export interface AlertNotification {
  id: number;
  channel: NotificationChannel;
  /** E-mail address, or the webhook's URL without its query. */
  target: string;
  state: NotificationState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

export interface AlertHistoryEntry {
  at: string;
  /** 'abuse-monitor' or the operator's user name. */
  actor: string;
  action: string;
  note: string | null;
}

export interface Alert {
  id: number;
  createdAt: string;
  updatedAt: string;
  /** The last time the same finding was seen again (repeats fold into one alert). */
  lastSeenAt: string;
  occurrences: number;
  detector: AbuseDetector;
  severity: AlertSeverity;
  partnerId: string | null;
  partnerName: string | null;
  camera: string | null;
  ip: string | null;
  tokenId: string | null;
  summary: string;
  /** The figures behind the finding (counts, rates, distances). */
  metrics: Record<string, number | string>;
  /** The access events that triggered it, oldest first (bounded). */
  evidence: AccessEvent[];
  response: AlertResponse;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  notifications: AlertNotification[];
  history: AlertHistoryEntry[];
}

export interface AlertPage {
  items: Alert[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: string | null;
  unread: number;
}

const csvList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Query string of GET /api/v1/alerts. Newest first. */
export const AlertQuerySchema = z
  .object({
    severity: csvList.pipe(z.array(z.enum(ALERT_SEVERITIES))).optional(),
    detector: csvList.pipe(z.array(z.enum(ABUSE_DETECTORS))).optional(),
    partner: z.string().max(64).optional(),
    ip: z.string().max(64).optional(),
    camera: z.string().max(64).optional(),
    acknowledged: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    before: z.string().max(40).regex(/^\d+$/).optional(),
  })
  .strict();
export type AlertQuery = z.output<typeof AlertQuerySchema>;

export const OperatorNoteSchema = z.object({ note: z.string().max(1000).optional() }).strict();

/** A partner's place on the response ladder. */
export interface PartnerAbuseState {
  partnerId: string;
  partnerName: string | null;
  level: ResponseLevel;
  since: string;
  lastFindingAt: string | null;
  /** Bandwidth multiplier in force (1 = none). */
  throttle: number;
}

export interface IpBlockView {
  ip: string;
  /** Which rung of the progressive ladder this block is (1 = first). */
  step: number;
  active: boolean;
  /** null while active = until an operator lifts it. */
  until: string | null;
  reason: string;
  alertId: number | null;
  blockedAt: string;
  liftedAt: string | null;
  liftedBy: string | null;
}

export const IpBlockRequestSchema = z
  .object({
    ip: z.union([z.ipv4(), z.ipv6()]),
    /** null or absent: until lifted. */
    minutes: z.number().int().min(1).max(525_600).nullable().optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();

export interface AbuseActionRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  partnerId: string | null;
  ip: string | null;
  alertId: number | null;
  detail: Record<string, unknown>;
}

export interface GeoDatabaseStatus {
  path: string | null;
  loaded: boolean;
  format: 'mmdb' | 'csv' | null;
  entries: number | null;
  error: string | null;
}

export { AbuseSettingsSchema, DEFAULT_ABUSE_SETTINGS, type AbuseSettings, type AbuseSettingsInput } from './abuse-settings';
export {
  NotificationSettingsUpdateSchema,
  type NotificationSettingsView,
  type NotificationSettingsUpdate,
  type WebhookView,
  type AlertCreatedWebhook,
} from './notification-settings';
