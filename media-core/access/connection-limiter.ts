/** Concurrent connections per client address (TCP for HTTP, RTSP and RTMP; SRT
 *  sockets), shared by every listener. `acquire` gives a release function, or null when
 *  the address is at its limit. */
export class ConnectionLimiter {
  private readonly open = new Map<string, number>();

  constructor(private limit: () => number) {}

  acquire(ip: string): (() => void) | null {
    const n = this.open.get(ip) ?? 0;
    if (n >= this.limit()) return null;
    this.open.set(ip, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(ip) ?? 1) - 1;
      if (left <= 0) this.open.delete(ip);
      else this.open.set(ip, left);
    };
  }

  count(ip: string): number {
    return this.open.get(ip) ?? 0;
  }
}
