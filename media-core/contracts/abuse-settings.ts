// Thresholds of the abuse monitor. Every default is the spec's number where it gives one
// (docs/abuse.md says which); every field may be changed by an operator.
import { z } from 'zod';

const level = z.number().int().min(0).max(4);
const positive = z.number().positive();
const count = z.number().int().min(1);
const on = z.boolean().default(true);

const detector = <T extends z.ZodRawShape>(startLevel: number, shape: T) =>
  // An absent section takes every default.
  z.object({ enabled: on, startLevel: level.default(startLevel), ...shape }).strict().prefault({} as never);

export const AbuseSettingsSchema = z
  .object({
    /** Credential sharing: one token from more than N addresses within the window. */
    tokenManyIps: detector(1, { maxIps: count.default(3), windowMinutes: positive.default(60) }),
    /** Two uses needing a faster journey than `maxSpeedKmh`. */
    geoImpossible: detector(1, {
      maxSpeedKmh: positive.default(1000),
      /** Below this the database's own inaccuracy could explain the jump. */
      minDistanceKm: positive.default(500),
      windowMinutes: positive.default(24 * 60),
      /** token: uses of one token; partner: any two uses of one partner too. */
      scope: z.enum(['token', 'partner']).default('token'),
      /** Private, loopback and link-local addresses have no place: skipped. */
      skipPrivate: on,
      /** An .mmdb (MaxMind/DB-IP) or .csv file; null = the first in <dataDir>/geoip/. */
      database: z.string().max(1000).nullable().default(null),
    }),
    userAgentChanged: detector(1, {}),
    bandwidthSustained: detector(1, { capRatio: positive.default(0.8), minutes: positive.default(60) }),
    bandwidthSpike: detector(1, {
      ratio: positive.default(2),
      windowMinutes: positive.default(5),
      baselineHours: positive.default(24),
      /** Active minutes of history needed before "normal" means anything. */
      minBaselineMinutes: count.default(30),
      /** Rates below this never count as a spike (1 Mbit/s). */
      minBytesPerSec: z.number().min(0).default(125_000),
    }),
    downloadPattern: detector(1, {
      windowSeconds: positive.default(60),
      /** Media seconds fetched per wall second above which a client is downloading. */
      realTimeRatio: positive.default(1.5),
      /** Media a player may fetch at once when it starts (fills its buffer). */
      startupAllowanceSeconds: z.number().min(0).default(12),
      /** A segment this many behind the newest is "old". */
      sweepLagSegments: count.default(4),
      sweepMinSegments: count.default(4),
      sweepWindowSeconds: positive.default(10),
    }),
    duplicateStreams: detector(1, { maxIdentical: count.default(3) }),
    reverseProxy: detector(1, {}),
    cdnHeaders: detector(2, {}),
    authFailures: detector(1, { maxPerMinute: count.default(10) }),
    connectionRate: detector(1, { maxPerMinute: count.default(20), sustainedMinutes: count.default(3) }),
    ungrantedCamera: detector(1, { maxAttempts: count.default(3), windowMinutes: positive.default(10) }),
    escalation: z
      .object({
        /** Automatic responses stop here; higher levels are an operator's decision. */
        maxAutoLevel: level.default(3),
        throttleFactor: z.number().gt(0).lt(1).default(0.5),
        /** The same finding again within this time adds to its alert instead of a new one. */
        repeatCooldownMinutes: z.number().min(0).default(10),
        /** Findings closer together than this escalate a partner only once. */
        minGapMinutes: z.number().min(0).default(10),
        /** A warning with no finding after it for this long is forgotten. */
        warningMemoryHours: positive.default(24),
      })
      .strict()
      .prefault({}),
    ipBlocks: z
      .object({
        /** Progressive temporary blocks; null = until an operator lifts it. */
        ladderMinutes: z.array(positive.nullable()).min(1).max(10).default([5, 60, 24 * 60, null]),
        /** A clean record this long starts the ladder again from its first rung. */
        resetAfterHours: positive.default(7 * 24),
        /** Addresses or CIDRs never blocked automatically (the operators' own). */
        neverBlock: z.array(z.string().max(64)).max(100).default([]),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type AbuseSettings = z.output<typeof AbuseSettingsSchema>;
export type AbuseSettingsInput = z.input<typeof AbuseSettingsSchema>;

export const DEFAULT_ABUSE_SETTINGS: AbuseSettings = AbuseSettingsSchema.parse({});
