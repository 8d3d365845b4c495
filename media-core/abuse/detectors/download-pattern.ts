import type { AccessEvent } from '../../contracts/audit';
import type { Detector, DetectorContext, Finding, SegmentFetch } from '../types';
import { BoundedMap, TimeWindow } from '../windows';

interface Fetch {
  seq: number;
  duration: number;
  lag: number;
  f: SegmentFetch;
}

interface Viewer {
  firstAt: number;
  fetches: TimeWindow<Fetch>;
  /** Last finding, so a client that keeps downloading is reported once a minute. */
  reportedAt: number;
}

const REPORT_EVERY_MS = 60_000;

/** A segment fetch as an access event, so alerts show one kind of evidence. */
export function fetchEvent(f: SegmentFetch, lag: number): AccessEvent {
  return {
    at: f.at,
    protocol: 'hls',
    camera: f.camera,
    ip: f.ip,
    userAgent: f.userAgent,
    partnerId: f.partnerId,
    partnerName: null,
    tokenId: f.tokenId,
    method: null,
    kind: 'segment',
    result: 'allow',
    code: 'ok',
    reason: `segment ${f.seq} (${f.durationSec.toFixed(2)} s), ${lag} behind the newest`,
    sessionId: f.sessionId,
    sessionStart: false,
    headers: {},
  };
}

/**
 * Downloading rather than streaming. A player follows the live edge: after a start-up
 * burst that fills its buffer it fetches about one second of media per second. Two
 * patterns break that:
 * - fast: more media fetched in the window than `realTimeRatio` × the time elapsed,
 *   beyond the start-up allowance;
 * - sweep: several old segments (far behind the newest) fetched in a burst, faster
 *   than they would play.
 */
export class DownloadPatternDetector implements Detector {
  readonly name = 'download-pattern';
  private readonly viewers = new BoundedMap<string, Viewer>(20_000);

  onSegment(f: SegmentFetch, ctx: DetectorContext): Finding[] {
    const s = ctx.settings.downloadPattern;
    if (!s.enabled) return [];
    const key = f.sessionId ?? `${f.partnerId}|${f.tokenId}|${f.camera}|${f.ip}|${f.userAgent ?? ''}`;
    const windowMs = Math.max(s.windowSeconds, s.sweepWindowSeconds) * 1000;
    const v = this.viewers.upsert(key, () => ({ firstAt: f.at, fetches: new TimeWindow<Fetch>(() => windowMs, 2000), reportedAt: -Infinity }));
    const lag = Math.max(0, f.newestSeq - f.seq);
    v.fetches.add(f.at, { seq: f.seq, duration: f.durationSec, lag, f });
    if (f.at - v.reportedAt < REPORT_EVERY_MS) return [];
    const found = this.fast(v, f, ctx) ?? this.sweep(v, f, ctx);
    if (found) v.reportedAt = f.at;
    return found ? [found] : [];
  }

  tick(now: number, ctx: DetectorContext): Finding[] {
    const s = ctx.settings.downloadPattern;
    const idleMs = Math.max(s.windowSeconds, s.sweepWindowSeconds) * 1000;
    for (const [k, v] of this.viewers) if ((v.fetches.newest() ?? 0) < now - idleMs) this.viewers.delete(k);
    return [];
  }

  private fast(v: Viewer, f: SegmentFetch, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.downloadPattern;
    const all = v.fetches.entries(f.at).filter((x) => f.at - x.at < s.windowSeconds * 1000);
    const distinct = new Map<number, Fetch>();
    for (const x of all) distinct.set(x.v.seq, x.v);
    const media = [...distinct.values()].reduce((a, x) => a + x.duration, 0);
    const elapsed = Math.min(s.windowSeconds, (f.at - v.firstAt) / 1000);
    const allowed = s.realTimeRatio * elapsed + s.startupAllowanceSeconds;
    if (media <= allowed) return null;
    return this.finding(f, [...distinct.values()], `Client fetched ${media.toFixed(1)} s of media in ${elapsed.toFixed(1)} s (more than ${s.realTimeRatio}× real time plus a ${s.startupAllowanceSeconds} s start-up buffer): downloading, not streaming`, {
      mediaSeconds: Math.round(media * 10) / 10,
      wallSeconds: Math.round(elapsed * 10) / 10,
      allowedSeconds: Math.round(allowed * 10) / 10,
      segments: distinct.size,
      pattern: 'fast',
    });
  }

  private sweep(v: Viewer, f: SegmentFetch, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.downloadPattern;
    const old = new Map<number, { at: number; x: Fetch }>();
    for (const e of v.fetches.entries(f.at)) {
      if (f.at - e.at < s.sweepWindowSeconds * 1000 && e.v.lag >= s.sweepLagSegments) old.set(e.v.seq, { at: e.at, x: e.v });
    }
    if (old.size < s.sweepMinSegments) return null;
    const list = [...old.values()];
    const media = list.reduce((a, o) => a + o.x.duration, 0);
    const span = (Math.max(...list.map((o) => o.at)) - Math.min(...list.map((o) => o.at))) / 1000 + 1;
    if (media <= s.realTimeRatio * span) return null;
    return this.finding(f, list.map((o) => o.x), `Client swept ${old.size} old segments (${s.sweepLagSegments}+ behind the newest, ${media.toFixed(1)} s of media) within ${span.toFixed(1)} s: downloading, not streaming`, {
      oldSegments: old.size,
      mediaSeconds: Math.round(media * 10) / 10,
      wallSeconds: Math.round(span * 10) / 10,
      pattern: 'sweep',
    });
  }

  private finding(f: SegmentFetch, fetches: Fetch[], summary: string, metrics: Finding['metrics']): Finding {
    return {
      detector: 'download_pattern',
      at: f.at,
      subject: `viewer:${f.partnerId}|${f.tokenId ?? '-'}|${f.camera}|${f.ip}`,
      partnerId: f.partnerId,
      partnerName: null,
      camera: f.camera,
      ip: f.ip,
      tokenId: f.tokenId,
      method: null,
      summary,
      metrics,
      evidence: fetches.slice(-20).map((x) => fetchEvent(x.f, x.lag)),
    };
  }
}
