import type { AccessEvent } from '../../contracts/audit';
import { classifyHeaders } from '../headers';
import type { Detector, DetectorContext, Finding, SegmentFetch } from '../types';
import { BoundedMap, keepEvidence } from '../windows';
import { fetchEvent } from './download-pattern';

const REPORT_EVERY_MS = 60_000;
/** Segments of one stream remembered for counting identical fetches. */
const SEGMENTS_KEPT = 8;
/** How many of the latest segments must each show the duplicates (not a one-off retry). */
const CONSISTENT_SEGMENTS = 3;

interface Stream {
  counts: Map<number, { n: number; evidence: SegmentFetch[] }>;
}

/**
 * Unauthorised redistribution:
 * - reverse-proxy and CDN headers on a partner's requests;
 * - several identical streams of one camera to one partner from one address: each of
 *   the latest segments fetched more than `maxIdentical` times, or more long-lived
 *   sessions (RTSP, RTMP, SRT) open at once than that.
 */
export class RedistributionDetector implements Detector {
  readonly name = 'redistribution';
  private readonly reported = new BoundedMap<string, number>(20_000);
  private readonly streams = new BoundedMap<string, Stream>(20_000);
  private readonly open = new BoundedMap<string, { key: string; event: AccessEvent }>(50_000);
  private readonly openByKey = new BoundedMap<string, Set<string>>(20_000);

  onAccess(e: AccessEvent, ctx: DetectorContext): Finding[] {
    if (e.result !== 'allow' || !e.partnerId) return [];
    const out: Finding[] = [];
    const h = this.headers(e, ctx);
    if (h) out.push(h);
    const d = this.longLived(e, ctx);
    if (d) out.push(d);
    return out;
  }

  onSessionEnded(sessionId: string): void {
    const o = this.open.get(sessionId);
    if (!o) return;
    this.open.delete(sessionId);
    this.openByKey.get(o.key)?.delete(sessionId);
  }

  onSegment(f: SegmentFetch, ctx: DetectorContext): Finding[] {
    const s = ctx.settings.duplicateStreams;
    if (!s.enabled || !f.partnerId) return [];
    const key = `${f.partnerId}|${f.camera}|${f.ip}`;
    const st = this.streams.upsert(key, () => ({ counts: new Map() }));
    const c = st.counts.get(f.seq) ?? { n: 0, evidence: [] };
    c.n++;
    keepEvidence(c.evidence, f, 10);
    st.counts.set(f.seq, c);
    for (const seq of st.counts.keys()) if (seq < f.newestSeq - SEGMENTS_KEPT) st.counts.delete(seq);
    const latest = [...st.counts.entries()].sort((a, b) => b[0] - a[0]).slice(0, CONSISTENT_SEGMENTS);
    if (latest.length < CONSISTENT_SEGMENTS || latest.some(([, v]) => v.n <= s.maxIdentical)) return [];
    if (!this.due(`dup:${key}`, f.at)) return [];
    const copies = Math.min(...latest.map(([, v]) => v.n));
    return [
      this.finding('duplicate_streams', f.at, `streams:${key}`, { ...fetchEvent(f, f.newestSeq - f.seq), partnerId: f.partnerId }, `${copies} identical streams of ${f.camera} to one partner from ${f.ip} (each of the last ${CONSISTENT_SEGMENTS} segments fetched ${copies}+ times; limit ${s.maxIdentical})`, { copies, limit: s.maxIdentical }, latest.flatMap(([, v]) => v.evidence).slice(-20).map((x) => fetchEvent(x, x.newestSeq - x.seq))),
    ];
  }

  tick(now: number): Finding[] {
    for (const [k, at] of this.reported) if (now - at > REPORT_EVERY_MS) this.reported.delete(k);
    return [];
  }

  private headers(e: AccessEvent, ctx: DetectorContext): Finding | null {
    const st = ctx.settings;
    if (!st.cdnHeaders.enabled && !st.reverseProxy.enabled) return null;
    if (Object.keys(e.headers).length === 0) return null;
    const v = classifyHeaders(e.headers);
    const shown = Object.fromEntries(v.seen.map((n) => [n, e.headers[n] ?? '']));
    if (v.cdn.length && st.cdnHeaders.enabled) {
      if (!this.due(`cdn:${e.partnerId}|${e.ip}`, e.at)) return null;
      return this.finding('cdn_headers', e.at, `cdn:${e.partnerId}|${e.ip}`, e, `Requests from ${e.ip} came through a CDN (${v.cdn.join(', ')}): headers ${v.seen.join(', ')}`, { cdn: v.cdn.join(', '), headers: v.seen.join(', '), ...shown }, [e]);
    }
    if (v.proxy.length && st.reverseProxy.enabled) {
      if (!this.due(`proxy:${e.partnerId}|${e.ip}`, e.at)) return null;
      return this.finding('reverse_proxy', e.at, `proxy:${e.partnerId}|${e.ip}`, e, `Requests from ${e.ip} carry reverse-proxy headers (${v.proxy.join(', ')}): the stream is being relayed`, { headers: v.proxy.join(', '), ...shown }, [e]);
    }
    return null;
  }

  private longLived(e: AccessEvent, ctx: DetectorContext): Finding | null {
    const s = ctx.settings.duplicateStreams;
    if (!s.enabled || !e.sessionStart || !e.sessionId || e.protocol === 'hls' || e.protocol === 'api') return null;
    const key = `${e.partnerId}|${e.camera}|${e.ip}`;
    this.open.set(e.sessionId, { key, event: e });
    const set = this.openByKey.upsert(key, () => new Set());
    set.add(e.sessionId);
    if (set.size <= s.maxIdentical || !this.due(`dup:${key}`, e.at)) return null;
    const evidence = [...set].map((id) => this.open.get(id)?.event).filter((x): x is AccessEvent => !!x).slice(-20);
    return this.finding('duplicate_streams', e.at, `streams:${key}`, e, `${set.size} identical ${e.protocol.toUpperCase()} streams of ${e.camera} open at once to one partner from ${e.ip} (limit ${s.maxIdentical})`, { copies: set.size, limit: s.maxIdentical }, evidence);
  }

  private due(key: string, at: number): boolean {
    const last = this.reported.get(key);
    if (last !== undefined && at - last < REPORT_EVERY_MS) return false;
    this.reported.set(key, at);
    return true;
  }

  private finding(detector: Finding['detector'], at: number, subject: string, e: AccessEvent, summary: string, metrics: Finding['metrics'], evidence: AccessEvent[]): Finding {
    return { detector, at, subject, partnerId: e.partnerId, partnerName: e.partnerName, camera: e.camera, ip: e.ip, tokenId: e.tokenId, method: e.method, summary, metrics, evidence };
  }
}
