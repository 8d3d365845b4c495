import type { Logger } from '../../log/logger';
import type { MediaTrack } from './media-track';
import type { PayloadCache } from './payload-cache';
import { RTSP_END_REASONS, type RtspAccessSession, type RtspAccessUnit, type RtspBandwidth, type RtspSource, type RtspSourceReader } from './types';

const REPORT_EVERY_MS = 5_000;
/** Gap inserted between the last timestamp before an upstream restart and the first after. */
const REBASE_GAP_90K = 9_000;

/** What a session needs from its RTSP connection. */
export interface SessionConnection {
  readonly id: number;
  readonly sessions: Set<RtspSession>;
  destroy(reason: string): void;
}

export interface SessionHost {
  readonly payloads: PayloadCache;
  readonly log: Logger;
  readonly cname: string;
  now(): number;
  counted(packets: number, bytes: number): void;
  /** A video access unit left out because the partner was over its budget. */
  dropped?(): void;
  closed(session: RtspSession): void;
}

export interface RtspSessionInit {
  id: string;
  camera: string;
  ip: string;
  source: RtspSource;
  access: RtspAccessSession;
  connection: SessionConnection;
  host: SessionHost;
  /** Meters the session's video against its partner's bandwidth budget. */
  budget?: SessionBudget | undefined;
}

export interface SessionBudget {
  bandwidth: RtspBandwidth;
  partnerId: string;
  capBytesPerSec: number | null;
}

/**
 * One RTSP session: a partner's tracks of one camera, subscribed to the camera's stream
 * while playing. Timestamps of both tracks derive from the stream's common 90 kHz clock,
 * and sender reports map that clock to one wall clock, so clients keep audio and video
 * in sync. The access plane can end the session at any time (onTerminate).
 */
export class RtspSession implements RtspSourceReader {
  readonly id: string;
  readonly camera: string;
  readonly ip: string;
  readonly tracks = new Map<number, MediaTrack>();
  state: 'ready' | 'playing' = 'ready';
  lastSeen: number;
  connection: SessionConnection | null;
  closed = false;
  /** Run once when the session ends (UDP listeners, interleaved channels...). */
  readonly cleanups: (() => void)[] = [];
  private readonly source: RtspSource;
  private readonly access: RtspAccessSession;
  private readonly host: SessionHost;
  private unsubscribe: (() => void) | null = null;
  private shift = 0;
  private rebase = false;
  private maxPts = Number.NEGATIVE_INFINITY;
  private gate: { afterPts: number; needKeyframe: boolean } | null = null;
  private basePts: number | null = null;
  private baseWall = 0;
  private unreportedBytes = 0;
  private readonly budget: SessionBudget | undefined;
  /** Over budget: video is left out up to the next keyframe the budget admits. */
  private dropping = false;
  private readonly onSourceClose = () => this.close(RTSP_END_REASONS.cameraGone, true);

  constructor(init: RtspSessionInit) {
    this.id = init.id;
    this.camera = init.camera;
    this.ip = init.ip;
    this.source = init.source;
    this.access = init.access;
    this.connection = init.connection;
    this.host = init.host;
    this.budget = init.budget;
    this.lastSeen = init.host.now();
    this.source.once?.('close', this.onSourceClose);
    // The plane ended it (revoked, expired, suspended, out of hours, blackout): cut now.
    this.access.onTerminate((reason) => this.close(reason, true));
  }

  get transport(): 'tcp' | 'udp' | null {
    const first = this.tracks.values().next().value;
    return first ? first.sink.kind : null;
  }

  touch(): void {
    this.lastSeen = this.host.now();
  }

  /** RTP-Info entries for PLAY; call start() right after the response is written. */
  rtpInfo(trackUrl: (index: number) => string): string {
    return [...this.tracks.values()]
      .map((t) => `url=${trackUrl(t.plan.index)};seq=${t.nextSequence};rtptime=${t.announcedRtpTime()}`)
      .join(',');
  }

  /** Subscribes; the source replays its cached GOP (from a keyframe) synchronously. */
  start(): void {
    if (this.closed || this.state === 'playing') return;
    this.state = 'playing';
    if (this.maxPts !== Number.NEGATIVE_INFINITY) {
      // Resuming after PAUSE: skip what was already sent and restart at a keyframe.
      const hasVideo = [...this.tracks.values()].some((t) => t.plan.kind === 'video');
      this.gate = { afterPts: this.maxPts, needKeyframe: hasVideo };
    }
    const first = this.tracks.values().next().value;
    const writer = first?.sink.kind === 'tcp' ? first.sink.writer : null;
    writer?.beginBurst?.();
    try {
      this.unsubscribe = this.source.subscribe(this, { fromKeyframe: true });
    } finally {
      writer?.endBurst?.();
    }
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.state = 'ready';
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  onDiscontinuity(): void {
    this.rebase = true;
  }

  onAccessUnit(au: RtspAccessUnit): void {
    if (this.closed || this.state !== 'playing') return;
    const track = this.trackOf(au.kind);
    if (!track) return;
    if (this.rebase) {
      this.rebase = false;
      if (this.maxPts !== Number.NEGATIVE_INFINITY) this.shift = this.maxPts + REBASE_GAP_90K - au.pts;
    }
    const pts = au.pts + this.shift;
    if (this.gate) {
      if (pts <= this.gate.afterPts) return;
      if (this.gate.needKeyframe && !(au.kind === 'video' && au.keyframe)) return;
      this.gate = null;
    }
    if (!this.withinBudget(au)) {
      this.host.dropped?.();
      return;
    }
    const payloads = this.host.payloads.payloads(au, () => this.source.codecConfig());
    if (payloads.length === 0) return;
    const now = this.host.now();
    if (this.basePts === null) {
      this.basePts = pts;
      this.baseWall = now;
    }
    const bytes = track.send(payloads, pts);
    if (bytes < 0 || this.closed) return;
    if (pts > this.maxPts) this.maxPts = pts;
    this.unreportedBytes += bytes;
    this.host.counted(payloads.length, bytes);
    // The first report goes out with the first packets, so clients can sync at once.
    if (track.lastReportAt === 0) this.unreportedBytes += track.sendReport(this.ntpMs(pts), this.host.cname, now);
  }

  /** Periodic work (the server calls it about once a second). */
  tick(now: number, timeoutMs: number): void {
    if (this.closed) return;
    if (this.state === 'playing') {
      for (const t of this.tracks.values()) {
        if (t.lastPts !== null && now - t.lastReportAt >= REPORT_EVERY_MS) this.unreportedBytes += t.sendReport(this.ntpMs(t.lastPts), this.host.cname, now);
      }
    }
    this.flushBytes();
    // Interleaved sessions live as long as their connection (TCP tells us when the client
    // is gone); UDP sessions and idle ones need RTCP or RTSP keep-alives.
    const needsKeepAlive = this.state !== 'playing' || this.transport !== 'tcp';
    if (needsKeepAlive && now - this.lastSeen > timeoutMs) this.close(RTSP_END_REASONS.timeout, this.transport === 'udp');
  }

  /** dropConnection: also close the RTSP connection, so the client notices at once. */
  close(reason: string, dropConnection = false): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.source.off?.('close', this.onSourceClose);
    this.flushBytes();
    this.host.log.info({ session: this.id, camera: this.camera, ip: this.ip, reason }, 'rtsp session ended');
    try {
      this.access.close(reason);
    } catch (err) {
      this.host.log.warn({ err }, 'access session close threw');
    }
    for (const fn of this.cleanups.splice(0)) fn();
    this.host.closed(this);
    const conn = this.connection;
    this.connection = null;
    if (dropConnection) conn?.destroy(reason);
  }

  /** A live stream cannot be slowed down, so an over-budget partner loses video instead:
   *  from the refused access unit up to the next keyframe, so what it gets still decodes.
   *  Audio always goes (small, and it keeps the client in sync); it is booked against the
   *  budget when there is room, so the partner's total stays near its rate. */
  private withinBudget(au: RtspAccessUnit): boolean {
    const b = this.budget;
    if (!b) return true;
    if (au.kind === 'audio') {
      b.bandwidth.admit(b.partnerId, au.data.length, b.capBytesPerSec);
      return true;
    }
    if (this.dropping && !au.keyframe) return false;
    this.dropping = !b.bandwidth.admit(b.partnerId, au.data.length, b.capBytesPerSec);
    return !this.dropping;
  }

  private trackOf(kind: 'video' | 'audio'): MediaTrack | undefined {
    for (const t of this.tracks.values()) if (t.plan.kind === kind) return t;
    return undefined;
  }

  private ntpMs(pts: number): number {
    return this.baseWall + (pts - (this.basePts ?? pts)) / 90;
  }

  private flushBytes(): void {
    if (this.unreportedBytes === 0) return;
    const n = this.unreportedBytes;
    this.unreportedBytes = 0;
    try {
      this.access.addBytes(n);
    } catch (err) {
      this.host.log.warn({ err }, 'access addBytes threw');
    }
  }
}
