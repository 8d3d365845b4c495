import { SYNC_BYTE, TS_PACKET_SIZE } from './ts-packet';

/** How many consecutive sync bytes prove we found packet boundaries again. */
const RESYNC_CONFIRMATIONS = 3;

/**
 * Turns a byte stream cut at arbitrary places (a pipe) into whole 188-byte packets.
 * While in sync a packet is accepted on its sync byte alone, so nothing is held back
 * longer than needed; after garbage, boundaries are re-found only where several sync
 * bytes line up 188 bytes apart, so a stray 0x47 in garbage does not fool it.
 */
export class TsAligner {
  private rest: Buffer = Buffer.alloc(0);
  private inSync = false;
  /** Bytes thrown away while looking for sync, for diagnostics. */
  droppedBytes = 0;

  /** Returns the whole packets now available, concatenated (possibly empty). */
  push(chunk: Buffer): Buffer {
    const buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const out: Buffer[] = [];
    let pos = 0;
    while (buf.length - pos >= TS_PACKET_SIZE) {
      if (this.inSync && buf[pos] === SYNC_BYTE) {
        let end = pos + TS_PACKET_SIZE;
        // Take the longest run of aligned packets in one slice.
        while (end + TS_PACKET_SIZE <= buf.length && buf[end] === SYNC_BYTE) end += TS_PACKET_SIZE;
        out.push(buf.subarray(pos, end));
        pos = end;
        continue;
      }
      this.inSync = false;
      const found = findSync(buf, pos);
      if (found < 0) {
        // Keep a tail that could still hold the start of a confirmable run.
        const keepFrom = Math.max(pos, buf.length - TS_PACKET_SIZE * RESYNC_CONFIRMATIONS);
        this.droppedBytes += keepFrom - pos;
        pos = keepFrom;
        break;
      }
      this.droppedBytes += found - pos;
      pos = found;
      this.inSync = true;
    }
    // Copy the tail: `chunk` belongs to the caller and may be reused.
    this.rest = Buffer.from(buf.subarray(pos));
    if (out.length === 0) return Buffer.alloc(0);
    // The packets must outlive this call, and `buf` may be the caller's chunk.
    return Buffer.concat(out);
  }

  reset(): void {
    this.rest = Buffer.alloc(0);
    this.inSync = false;
  }
}

/** First offset >= from where RESYNC_CONFIRMATIONS sync bytes line up; -1 if none yet. */
function findSync(buf: Buffer, from: number): number {
  const lastStart = buf.length - TS_PACKET_SIZE * (RESYNC_CONFIRMATIONS - 1) - 1;
  for (let p = from; p <= lastStart; p++) {
    if (buf[p] !== SYNC_BYTE) continue;
    let ok = true;
    for (let k = 1; k < RESYNC_CONFIRMATIONS; k++) {
      if (buf[p + k * TS_PACKET_SIZE] !== SYNC_BYTE) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return -1;
}
