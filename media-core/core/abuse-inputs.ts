import type { FastifyInstance } from 'fastify';
import type { AbuseInput, SegmentFetch, UsageSample } from '../abuse/index';
import { normalizeIp, type AccessPlane } from '../access/index';
import type { AccessEvent } from '../contracts/audit';
import { SEGMENT_NAME, type HlsMuxer } from '../servers/hls/index';

const SAMPLE_EVERY_MS = 10_000;
const SEGMENT_PATH = /^\/hls\/([a-z0-9][a-z0-9_-]{0,63})\/(seg-\d{1,15}\.ts)(?:\?|$)/;

interface SegmentTable {
  at: number | null;
  newest: number;
  durations: Map<number, number>;
  target: number;
}

/** Durations and the newest sequence from the muxer's own playlist, re-read only when a
 *  new segment was finished. */
function segmentTable(muxer: HlsMuxer, cache: Map<HlsMuxer, SegmentTable>): SegmentTable | null {
  const stats = muxer.stats();
  const hit = cache.get(muxer);
  if (hit && hit.at === stats.lastSegmentAt) return hit;
  const text = muxer.playlist();
  if (!text) return null;
  const t: SegmentTable = { at: stats.lastSegmentAt, newest: -1, durations: new Map(hit?.durations), target: 2 };
  let pending: number | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXT-X-TARGETDURATION:')) t.target = Number(line.slice(22)) || 2;
    else if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice(8));
    else if (pending !== null && SEGMENT_NAME.test(line)) {
      const seq = Number(SEGMENT_NAME.exec(line)![1]);
      t.durations.set(seq, pending);
      t.newest = Math.max(t.newest, seq);
      pending = null;
    }
  }
  for (const seq of t.durations.keys()) if (seq < t.newest - 64) t.durations.delete(seq);
  cache.set(muxer, t);
  return t;
}

export interface AbuseInputsOptions {
  access: AccessPlane;
  /** The partner HTTP listener (for segment fetches), before it listens. */
  partnerHttp: FastifyInstance;
  muxerFor(camera: string): HlsMuxer | undefined;
  /** The partner's cap in bytes/s (null = uncapped). */
  capOf(partnerId: string): number | null;
  now: () => number;
  sampleEveryMs?: number;
}

/**
 * The abuse monitor's inputs, adapted from the access plane: every access event; per
 * partner byte counts sampled from the running sessions (which also tells when a
 * session ended); and each HLS segment served, with its duration and how far behind the
 * newest it was.
 */
export interface AbuseInputs extends AbuseInput {
  start(): void;
  stop(): void;
  /** One usage sample now (tests with an injected clock). */
  sampleNow(): void;
}

export function createAbuseInputs(o: AbuseInputsOptions): AbuseInputs {
  const usage = new Set<(s: UsageSample) => void>();
  const segments = new Set<(f: SegmentFetch) => void>();
  const ended = new Set<(id: string) => void>();
  const tables = new Map<HlsMuxer, SegmentTable>();
  /** The allow decision of the latest segment request per client, for the fetch it led to. */
  const lastAllow = new Map<string, AccessEvent>();
  const offAccess = o.access.events.subscribe((e) => {
    if (e.result !== 'allow' || e.protocol !== 'hls' || e.kind !== 'segment') return;
    lastAllow.set(`${e.ip}|${e.camera}|${e.userAgent ?? ''}`, e);
    if (lastAllow.size > 50_000) lastAllow.delete(lastAllow.keys().next().value!);
  });

  o.partnerHttp.addHook('onResponse', async (req, reply) => {
    if (segments.size === 0 || req.method !== 'GET' || reply.statusCode !== 200) return;
    const m = SEGMENT_PATH.exec(req.url);
    if (!m) return;
    const [, camera, name] = m as unknown as [string, string, string];
    const ip = normalizeIp(req.socket.remoteAddress);
    const ua = req.headers['user-agent'] ?? null;
    const allow = lastAllow.get(`${ip}|${camera}|${ua ?? ''}`);
    const muxer = o.muxerFor(camera);
    const table = muxer ? segmentTable(muxer, tables) : null;
    if (!table) return;
    const seq = Number(SEGMENT_NAME.exec(name)![1]);
    const f: SegmentFetch = {
      at: o.now(),
      partnerId: allow?.partnerId ?? null,
      tokenId: allow?.tokenId ?? null,
      sessionId: null,
      camera,
      ip,
      userAgent: ua,
      seq,
      durationSec: table.durations.get(seq) ?? table.target,
      newestSeq: Math.max(table.newest, seq),
    };
    for (const l of segments) l(f);
  });

  let lastBytes = new Map<string, { partnerId: string; bytes: number }>();
  let lastAt = o.now();
  const sample = () => {
    const at = o.now();
    const perPartner = new Map<string, number>();
    const seen = new Map<string, { partnerId: string; bytes: number }>();
    for (const s of o.access.listSessions()) {
      const before = lastBytes.get(s.id)?.bytes ?? 0;
      perPartner.set(s.partnerId, (perPartner.get(s.partnerId) ?? 0) + Math.max(0, s.bytes - before));
      seen.set(s.id, { partnerId: s.partnerId, bytes: s.bytes });
    }
    for (const id of lastBytes.keys()) if (!seen.has(id)) for (const l of ended) l(id);
    for (const [partnerId, bytes] of perPartner) {
      const s: UsageSample = { at, partnerId, bytes, intervalMs: at - lastAt, capBytesPerSec: o.capOf(partnerId) };
      for (const l of usage) l(s);
    }
    lastBytes = seen;
    lastAt = at;
  };
  let timer: NodeJS.Timeout | undefined;
  const sub = <T>(set: Set<T>) => (l: T) => {
    set.add(l);
    return () => set.delete(l);
  };
  return {
    onAccess: (l) => o.access.events.subscribe(l),
    onUsage: sub(usage),
    onSegment: sub(segments),
    onSessionEnded: sub(ended),
    sampleNow: sample,
    start() {
      timer ??= setInterval(sample, o.sampleEveryMs ?? SAMPLE_EVERY_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      offAccess();
    },
  };
}
