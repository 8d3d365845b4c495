/** A growable FIFO of bytes: append at the end, consume from the front, without
 *  re-concatenating on every network chunk (byte-by-byte input stays linear). */
export class ByteQueue {
  private buf = Buffer.alloc(0);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.end + chunk.length > this.buf.length) {
      const need = this.length + chunk.length;
      if (need <= this.buf.length && this.start > 0) {
        this.buf.copy(this.buf, 0, this.start, this.end);
      } else {
        const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2, 4096));
        this.buf.copy(next, 0, this.start, this.end);
        this.buf = next;
      }
      this.end -= this.start;
      this.start = 0;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }

  /** Byte at offset i from the front (caller keeps i < length). */
  at(i: number): number {
    return this.buf[this.start + i]!;
  }

  /** A copy of bytes [from, to) relative to the front. */
  copy(from: number, to: number): Buffer {
    return Buffer.from(this.buf.subarray(this.start + from, this.start + to));
  }

  latin1(from: number, to: number): string {
    return this.buf.toString('latin1', this.start + from, this.start + to);
  }

  consume(n: number): void {
    this.start += Math.min(n, this.length);
    if (this.start === this.end) this.start = this.end = 0;
    // Do not keep a large buffer alive after a burst (an interleaved frame, a long header).
    if (this.length === 0 && this.buf.length > 64 * 1024) this.buf = Buffer.alloc(0);
  }

  clear(): void {
    this.buf = Buffer.alloc(0);
    this.start = this.end = 0;
  }
}
