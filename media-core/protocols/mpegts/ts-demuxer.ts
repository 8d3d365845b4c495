import { PesAssembler, type Pes } from './pes';
import { codecOfStreamType, parsePat, parsePmt, type PmtStream } from './psi';
import { PID_PAT, parseTsPacket, TS_PACKET_SIZE } from './ts-packet';

export interface ElementaryStream extends PmtStream {
  codec: 'h264' | 'h265' | 'aac' | null;
}

export interface DemuxedPes extends Pes {
  streamType: number;
  codec: ElementaryStream['codec'];
}

export interface TsDemuxerHandlers {
  /** A PMT was seen whose stream list differs from the previous one. */
  onProgram?(streams: ElementaryStream[]): void;
  onPes?(pes: DemuxedPes): void;
}

/**
 * Follows the first program of a transport stream: PAT → PMT → its elementary streams,
 * reassembling their PES packets. Continuity errors drop the damaged PES rather than
 * emit corrupt media.
 */
export class TsDemuxer {
  private pmtPidValue: number | null = null;
  private pmtVersion = -1;
  private streamList: ElementaryStream[] = [];
  private assemblers = new Map<number, PesAssembler>();
  private lastCc = new Map<number, number>();
  /** Packets that were unparsable or arrived out of continuity. */
  errors = 0;

  constructor(private readonly handlers: TsDemuxerHandlers = {}) {}

  /** Feeds whole packets (a buffer whose length is a multiple of 188). */
  feed(packets: Buffer): void {
    for (let off = 0; off + TS_PACKET_SIZE <= packets.length; off += TS_PACKET_SIZE) this.feedPacket(packets, off);
  }

  feedPacket(buf: Buffer, offset = 0): void {
    const pkt = parseTsPacket(buf, offset);
    if (!pkt || pkt.transportError) {
      this.errors++;
      return;
    }
    if (pkt.pid === PID_PAT) {
      if (pkt.pusi) this.onPat(pkt.payload);
      return;
    }
    if (pkt.pid === this.pmtPidValue) {
      if (pkt.pusi) this.onPmt(pkt.payload);
      return;
    }
    const asm = this.assemblers.get(pkt.pid);
    if (!asm || !pkt.hasPayload) return;
    const prev = this.lastCc.get(pkt.pid);
    this.lastCc.set(pkt.pid, pkt.continuityCounter);
    if (prev !== undefined && !pkt.discontinuity) {
      if (pkt.continuityCounter === prev) return; // duplicate packet, allowed once
      if (pkt.continuityCounter !== ((prev + 1) & 0x0f)) {
        this.errors++;
        asm.drop();
      }
    }
    asm.push(pkt.payload, pkt.pusi, pkt.randomAccess);
  }

  /** PID of the followed program's PMT, once the PAT named it. */
  pmtPid(): number | null {
    return this.pmtPidValue;
  }

  streams(): ElementaryStream[] {
    return this.streamList;
  }

  /** Bytes (PES header included) of the PES in progress on `pid`, or null. */
  partialPes(pid: number): Buffer | null {
    return this.assemblers.get(pid)?.partial() ?? null;
  }

  /** Emits every PES in progress; for the end of a finite stream. */
  flush(): void {
    for (const a of this.assemblers.values()) a.flush();
  }

  /** Forgets everything, as for a new stream. */
  reset(): void {
    this.pmtPidValue = null;
    this.pmtVersion = -1;
    this.streamList = [];
    this.assemblers.clear();
    this.lastCc.clear();
  }

  private onPat(payload: Buffer): void {
    const programs = parsePat(payload);
    const first = programs?.[0];
    if (!first || first.pmtPid === this.pmtPidValue) return;
    this.pmtPidValue = first.pmtPid;
    this.pmtVersion = -1;
  }

  private onPmt(payload: Buffer): void {
    const pmt = parsePmt(payload);
    if (!pmt || pmt.version === this.pmtVersion) return;
    this.pmtVersion = pmt.version;
    const next = pmt.streams.map((s) => ({ ...s, codec: codecOfStreamType(s.streamType) }));
    const same =
      next.length === this.streamList.length &&
      next.every((s, i) => s.pid === this.streamList[i]!.pid && s.streamType === this.streamList[i]!.streamType);
    if (same) return;
    this.streamList = next;
    this.assemblers.clear();
    this.lastCc.clear();
    for (const s of next) {
      if (!s.codec) continue;
      const { streamType, codec } = s;
      this.assemblers.set(s.pid, new PesAssembler(s.pid, (pes) => this.handlers.onPes?.({ ...pes, streamType, codec })));
    }
    this.handlers.onProgram?.(next);
  }
}
