import {
  isVideoStreamType,
  packetPid,
  packetPusi,
  parsePat,
  parsePesHeader,
  parsePmt,
  parseTsPacket,
  PID_PAT,
  TS_PACKET_SIZE,
} from '../../protocols/mpegts';

/**
 * Watches TS batches for what the segmenter needs: the latest PAT and PMT packets (to
 * open every segment with them) and the PTS of each video PES start. Only PUSI packets
 * of three PIDs are parsed, so this is cheap next to copying the bytes.
 */
export class ProgramTracker {
  pat: Buffer | null = null;
  pmt: Buffer | null = null;
  private pmtPid: number | null = null;
  private videoPid: number | null = null;

  /** Scans a batch; calls onVideoPts for each video PES start that carries a PTS. */
  scan(packets: Buffer, onVideoPts?: (pts: number) => void): void {
    for (let off = 0; off + TS_PACKET_SIZE <= packets.length; off += TS_PACKET_SIZE) {
      if (!packetPusi(packets, off)) continue;
      const pid = packetPid(packets, off);
      if (pid === PID_PAT) this.onPat(packets, off);
      else if (pid === this.pmtPid) this.onPmt(packets, off);
      else if (pid === this.videoPid && onVideoPts) {
        const pts = pesPtsAt(packets, off);
        if (pts !== null) onVideoPts(pts);
      }
    }
  }

  /** PTS of the PES that starts in the batch's first packet. */
  firstPts(packets: Buffer): number | null {
    return packets.length >= TS_PACKET_SIZE && packetPusi(packets, 0) ? pesPtsAt(packets, 0) : null;
  }

  /** PAT+PMT to open a segment with, once both are known. */
  psi(): Buffer[] | null {
    return this.pat && this.pmt ? [this.pat, this.pmt] : null;
  }

  reset(): void {
    this.pat = this.pmt = null;
    this.pmtPid = this.videoPid = null;
  }

  private onPat(buf: Buffer, off: number): void {
    const pkt = parseTsPacket(buf, off);
    const program = pkt ? parsePat(pkt.payload)?.[0] : undefined;
    if (!program) return;
    this.pat = Buffer.from(buf.subarray(off, off + TS_PACKET_SIZE));
    if (program.pmtPid !== this.pmtPid) {
      this.pmtPid = program.pmtPid;
      this.pmt = null;
    }
  }

  private onPmt(buf: Buffer, off: number): void {
    const pkt = parseTsPacket(buf, off);
    const pmt = pkt ? parsePmt(pkt.payload) : null;
    if (!pmt) return;
    this.pmt = Buffer.from(buf.subarray(off, off + TS_PACKET_SIZE));
    this.videoPid = pmt.streams.find((s) => isVideoStreamType(s.streamType))?.pid ?? null;
  }
}

function pesPtsAt(buf: Buffer, off: number): number | null {
  const pkt = parseTsPacket(buf, off);
  return pkt ? (parsePesHeader(pkt.payload)?.pts ?? null) : null;
}
