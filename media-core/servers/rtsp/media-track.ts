import { randomBytes } from 'node:crypto';
import { interleavedFrameHeader } from '../../protocols/rtsp';
import { buildSenderReport, payloadBytes, RTP_HEADER_BYTES, writeRtpHeader, type RtpPayload } from '../../protocols/rtp';
import type { PlannedTrack } from './track-plan';

/** Where a track's packets go: interleaved on the RTSP connection, or UDP datagrams. */
export type TrackSink =
  | { kind: 'tcp'; writer: { writeMedia(buf: Buffer): boolean; beginBurst?(): void; endBurst?(): void }; rtpChannel: number; rtcpChannel: number }
  | { kind: 'udp'; udp: UdpSender; ip: string; rtpPort: number; rtcpPort: number };

export interface UdpSender {
  sendRtp(parts: Buffer[], port: number, ip: string): void;
  sendRtcp(buf: Buffer, port: number, ip: string): void;
}

const u32 = () => randomBytes(4).readUInt32BE(0);
const MOD32 = 2 ** 32;

/**
 * One track of one session: SSRC, sequence numbers and the pts → RTP-timestamp mapping,
 * which is anchored so that the first access unit sent gets `initialRtp` (what PLAY's
 * RTP-Info announced). Counters feed the sender reports.
 */
export class MediaTrack {
  readonly ssrc = u32();
  readonly initialRtp = u32();
  private seq = u32() & 0xffff;
  private firstPts: number | null = null;
  packets = 0;
  octets = 0;
  lastPts: number | null = null;
  lastReportAt = 0;

  constructor(
    readonly plan: PlannedTrack,
    readonly sink: TrackSink,
  ) {}

  get nextSequence(): number {
    return this.seq;
  }

  rtpTime(pts: number): number {
    if (this.firstPts === null) return this.initialRtp;
    const ticks = Math.round(((pts - this.firstPts) * this.plan.clockRate) / 90000);
    return (((this.initialRtp + ticks) % MOD32) + MOD32) % MOD32;
  }

  /** The RTP time PLAY announces: the anchor before anything was sent, else the last sent. */
  announcedRtpTime(): number {
    return this.lastPts === null ? this.initialRtp : this.rtpTime(this.lastPts);
  }

  /** Sends one access unit's payloads; returns bytes put on the wire, or -1 when the
   *  connection refused them (a slow client that has just been dropped). */
  send(payloads: RtpPayload[], pts: number): number {
    if (payloads.length === 0) return 0;
    if (this.firstPts === null) this.firstPts = pts;
    this.lastPts = pts;
    const base = this.rtpTime(pts);
    const pt = this.plan.payloadType;
    let bytes = 0;
    if (this.sink.kind === 'tcp') {
      let total = 0;
      for (const p of payloads) total += 4 + RTP_HEADER_BYTES + payloadBytes(p);
      const out = Buffer.allocUnsafe(total);
      let off = 0;
      for (const p of payloads) {
        const len = RTP_HEADER_BYTES + payloadBytes(p);
        out[off] = 0x24;
        out[off + 1] = this.sink.rtpChannel;
        out.writeUInt16BE(len, off + 2);
        writeRtpHeader(out, off + 4, { marker: p.marker, payloadType: pt, sequence: this.seq, timestamp: base + p.tsOffset, ssrc: this.ssrc });
        this.seq = (this.seq + 1) & 0xffff;
        off += 4 + RTP_HEADER_BYTES;
        if (p.head) off += p.head.copy(out, off);
        off += p.body.copy(out, off);
        this.octets += len - RTP_HEADER_BYTES;
      }
      bytes = total;
      if (!this.sink.writer.writeMedia(out)) return -1;
    } else {
      for (const p of payloads) {
        const header = Buffer.allocUnsafe(RTP_HEADER_BYTES);
        writeRtpHeader(header, 0, { marker: p.marker, payloadType: pt, sequence: this.seq, timestamp: base + p.tsOffset, ssrc: this.ssrc });
        this.seq = (this.seq + 1) & 0xffff;
        this.sink.udp.sendRtp(p.head ? [header, p.head, p.body] : [header, p.body], this.sink.rtpPort, this.sink.ip);
        const n = payloadBytes(p);
        this.octets += n;
        bytes += RTP_HEADER_BYTES + n;
      }
    }
    this.packets += payloads.length;
    return bytes;
  }

  /** An RTCP sender report for the last access unit sent; ntpMs is its wall-clock time on
   *  the session's common timeline. Returns bytes sent. */
  sendReport(ntpMs: number, cname: string, now: number): number {
    if (this.lastPts === null) return 0;
    this.lastReportAt = now;
    const sr = buildSenderReport({ ssrc: this.ssrc, ntpMs, rtpTime: this.rtpTime(this.lastPts), packets: this.packets, octets: this.octets, cname });
    if (this.sink.kind === 'tcp') {
      const frame = Buffer.concat([interleavedFrameHeader(this.sink.rtcpChannel, sr.length), sr]);
      return this.sink.writer.writeMedia(frame) ? frame.length : 0;
    }
    this.sink.udp.sendRtcp(sr, this.sink.rtcpPort, this.sink.ip);
    return sr.length;
  }
}
