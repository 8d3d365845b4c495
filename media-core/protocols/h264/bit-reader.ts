/** MSB-first bit reader with Exp-Golomb codes, over an RBSP (emulation bytes removed). */
export class BitReader {
  private pos = 0;

  constructor(private readonly buf: Buffer) {}

  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.bit();
    return v;
  }

  bit(): number {
    const byte = this.pos >> 3;
    if (byte >= this.buf.length) throw new RangeError('read past end of RBSP');
    const b = (this.buf[byte]! >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return b;
  }

  skip(n: number): void {
    this.pos += n;
  }

  /** ue(v) */
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) {
      if (++zeros > 31) throw new RangeError('bad Exp-Golomb code');
    }
    return 2 ** zeros - 1 + this.bits(zeros);
  }

  /** se(v) */
  se(): number {
    const k = this.ue();
    return k & 1 ? (k + 1) / 2 : -(k / 2);
  }
}

/** Removes emulation-prevention bytes (00 00 03 → 00 00). */
export function toRbsp(nal: Buffer): Buffer {
  const out = Buffer.allocUnsafe(nal.length);
  let n = 0;
  let zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const b = nal[i]!;
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    zeros = b === 0 ? zeros + 1 : 0;
    out[n++] = b;
  }
  return out.subarray(0, n);
}
