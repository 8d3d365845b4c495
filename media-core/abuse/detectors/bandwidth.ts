import type { Detector, DetectorContext, Finding, UsageSample } from '../types';
import { BoundedMap } from '../windows';

interface PartnerUsage {
  /** Index of the bucket being filled, and its bytes so far. */
  bucket: number;
  bytes: number;
  cap: number | null;
  /** Rates (bytes/s) of finished buckets, oldest first, bounded by the baseline span. */
  history: number[];
  /** First bucket of the current run of buckets above the cap ratio. */
  aboveSince: number | null;
  /** Inside a spike already reported: one finding per spike, not per bucket. */
  inSpike: boolean;
}

const round = (n: number) => Math.round(n);
const mbps = (bytesPerSec: number) => Math.round((bytesPerSec * 8) / 10_000) / 100;

/**
 * Bandwidth abuse from per-partner delivery samples, evaluated per finished bucket (one
 * minute by default):
 * - sustained: every bucket for `minutes` at or above `capRatio` of the partner's cap;
 * - spike: the last `windowMinutes` average above `ratio` × the partner's normal, where
 *   normal is the mean of its active buckets over the past `baselineHours`.
 */
export class BandwidthDetector implements Detector {
  readonly name = 'bandwidth';
  private readonly partners = new BoundedMap<string, PartnerUsage>(10_000);

  constructor(private readonly bucketMs = 60_000) {}

  /** The partner's recent delivery rate (last finished bucket), for throttling uncapped partners. */
  recentRate(partnerId: string): number | null {
    const p = this.partners.get(partnerId);
    const last = p?.history[p.history.length - 1];
    return last === undefined ? null : last;
  }

  onUsage(s: UsageSample, ctx: DetectorContext): Finding[] {
    const bucket = Math.floor(s.at / this.bucketMs);
    const p = this.partners.upsert(s.partnerId, () => ({ bucket, bytes: 0, cap: s.capBytesPerSec, history: [], aboveSince: null, inSpike: false }));
    p.cap = s.capBytesPerSec;
    const out: Finding[] = [];
    if (bucket > p.bucket) {
      out.push(...this.close(s.partnerId, p, ctx));
      // Buckets with no sample at all were idle.
      for (let b = p.bucket + 1; b < bucket && b < p.bucket + 1 + 24 * 60; b++) {
        p.bucket = b;
        p.bytes = 0;
        out.push(...this.close(s.partnerId, p, ctx));
      }
      p.bucket = bucket;
      p.bytes = 0;
    }
    if (bucket === p.bucket) p.bytes += s.bytes;
    return out;
  }

  private close(partnerId: string, p: PartnerUsage, ctx: DetectorContext): Finding[] {
    const rate = p.bytes / (this.bucketMs / 1000);
    const out: Finding[] = [];
    const sus = this.sustained(partnerId, p, rate, ctx);
    if (sus) out.push(sus);
    const spike = this.spike(partnerId, p, rate, ctx);
    if (spike) out.push(spike);
    const s = ctx.settings.bandwidthSpike;
    const keep = Math.max(1, Math.ceil((s.baselineHours * 3_600_000) / this.bucketMs) + Math.ceil((s.windowMinutes * 60_000) / this.bucketMs));
    p.history.push(rate);
    if (p.history.length > keep) p.history.splice(0, p.history.length - keep);
    return out;
  }

  private sustained(partnerId: string, p: PartnerUsage, rate: number, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.bandwidthSustained;
    if (!s.enabled || p.cap === null || p.cap <= 0 || rate < s.capRatio * p.cap) {
      p.aboveSince = null;
      return null;
    }
    p.aboveSince ??= p.bucket;
    const spanMs = (p.bucket + 1 - p.aboveSince) * this.bucketMs;
    if (spanMs < s.minutes * 60_000) return null;
    // Start counting again: a partner that stays above the line is reported once per span.
    p.aboveSince = p.bucket + 1;
    return this.finding('bandwidth_sustained', partnerId, p, `Partner used at least ${Math.round(s.capRatio * 100)} % of its ${mbps(p.cap)} Mbit/s cap for ${Math.round(spanMs / 60_000)} min without a break (latest ${mbps(rate)} Mbit/s)`, {
      capMbps: mbps(p.cap),
      latestMbps: mbps(rate),
      ratio: Math.round((rate / p.cap) * 100) / 100,
      minutes: Math.round(spanMs / 60_000),
      latestBytesPerSec: round(rate),
    });
  }

  private spike(partnerId: string, p: PartnerUsage, rate: number, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.bandwidthSpike;
    if (!s.enabled) return null;
    const windowBuckets = Math.max(1, Math.round((s.windowMinutes * 60_000) / this.bucketMs));
    const recent = [...p.history.slice(-(windowBuckets - 1)), rate];
    if (recent.length < windowBuckets) return null;
    const base = p.history.slice(0, Math.max(0, p.history.length - (windowBuckets - 1))).filter((r) => r > 0);
    if (base.length < Math.max(1, Math.round((s.minBaselineMinutes * 60_000) / this.bucketMs))) return null;
    const normal = base.reduce((a, b) => a + b, 0) / base.length;
    const avg = recent.reduce((a, b) => a + b, 0) / recent.length;
    if (avg < s.minBytesPerSec || avg <= s.ratio * normal) {
      p.inSpike = false;
      return null;
    }
    if (p.inSpike) return null;
    p.inSpike = true;
    return this.finding('bandwidth_spike', partnerId, p, `Partner delivery averaged ${mbps(avg)} Mbit/s over ${s.windowMinutes} min, ${Math.round((avg / normal) * 100)} % of its normal ${mbps(normal)} Mbit/s (limit ${Math.round(s.ratio * 100)} %)`, {
      recentMbps: mbps(avg),
      normalMbps: mbps(normal),
      ratio: Math.round((avg / normal) * 100) / 100,
      baselineBuckets: base.length,
      recentBytesPerSec: round(avg),
    });
  }

  private finding(detector: 'bandwidth_sustained' | 'bandwidth_spike', partnerId: string, p: PartnerUsage, summary: string, metrics: Finding['metrics']): Finding {
    return {
      detector,
      at: (p.bucket + 1) * this.bucketMs,
      subject: `partner:${partnerId}`,
      partnerId,
      partnerName: null,
      camera: null,
      ip: null,
      tokenId: null,
      method: null,
      summary,
      metrics,
      evidence: [],
    };
  }
}
