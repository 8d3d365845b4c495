// PTS/DTS are 33-bit counters at 90 kHz that wrap every ~26.5 hours.

export const PTS_WRAP = 2 ** 33;
const HALF_WRAP = 2 ** 32;

/** a - b in 90 kHz ticks, taking the shorter way round the 33-bit circle. */
export function ptsDelta(a: number, b: number): number {
  let d = (a - b) % PTS_WRAP;
  if (d >= HALF_WRAP) d -= PTS_WRAP;
  else if (d < -HALF_WRAP) d += PTS_WRAP;
  return d;
}

/** Maps wrapping 33-bit timestamps onto a line that keeps increasing past the wrap, so
 *  consumers (RTP, FLV) never see a 26-hour jump backwards. */
export class TimestampUnwrapper {
  private last: number | null = null;

  unwrap(ts: number): number {
    const next = this.last === null ? ts : this.last + ptsDelta(ts, this.last);
    this.last = next;
    return next;
  }

  reset(): void {
    this.last = null;
  }
}
