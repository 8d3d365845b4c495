// Partner usage over time, derived from the audit trail's sessions. Only types and the
// query schema: the renderer imports this file too.
import { z } from 'zod';

/** One bucket of a usage series. */
export interface UsagePoint {
  /** Start of the bucket (ISO). */
  at: string;
  /** Bytes delivered within the bucket (a session's bytes spread evenly over its life). */
  bytes: number;
  /** Sessions running at some moment within the bucket. */
  sessions: number;
}

/** GET /api/v1/partners/:id/usage */
export interface PartnerUsage {
  partnerId: string;
  from: string;
  to: string;
  bucketSec: number;
  points: UsagePoint[];
  totalBytes: number;
  /** Sessions that overlap the range. */
  sessions: number;
  /** More sessions matched than one answer reads: the figures are a lower bound. */
  truncated: boolean;
}

export interface PartnerUsageTotal {
  partnerId: string;
  bytes: number;
  sessions: number;
}

/** GET /api/v1/usage/partners: every partner's totals over one range (e.g. today). */
export interface UsageTotals {
  from: string;
  to: string;
  partners: PartnerUsageTotal[];
  truncated: boolean;
}

/** Query of both: `to` defaults to now, `from` to 24 hours before `to`; `bucket` in
 *  seconds defaults to a size giving about 120 points. */
export const UsageQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    bucket: z.coerce.number().int().min(10).max(7 * 86_400).optional(),
  })
  .strict();
export type UsageQuery = z.output<typeof UsageQuerySchema>;

/** At most this many points per series; a smaller bucket is widened to fit. */
export const USAGE_MAX_POINTS = 1000;
