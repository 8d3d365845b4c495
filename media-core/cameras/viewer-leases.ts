// HLS players do not hold a connection: they fetch a playlist every couple of seconds. A
// lease makes such a player a viewer of the camera's stream while it keeps asking, so an
// on-demand camera starts for it and stops some time after it went away.

export interface LeaseStream {
  subscribe(reader: object, opts?: { fromKeyframe?: boolean; passive?: boolean }): () => void;
}

interface Lease {
  unsubscribe: () => void;
  timer: NodeJS.Timeout;
}

export class ViewerLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly ttlMs: number;

  /** A player that asked nothing for `ttlMs` has left. Default 10 s (a few playlist reloads). */
  constructor(opts: { ttlMs?: number } = {}) {
    this.ttlMs = opts.ttlMs ?? 10_000;
  }

  /** A request of `client` (e.g. session token + address) for camera `cameraId`'s stream. */
  touch(cameraId: string, client: string, stream: LeaseStream): void {
    const key = `${cameraId}\n${client}`;
    const lease = this.leases.get(key);
    if (lease) {
      lease.timer.refresh();
      return;
    }
    // A reader without callbacks costs nothing per packet; it only counts as a viewer.
    const unsubscribe = stream.subscribe({}, { fromKeyframe: false });
    const timer = setTimeout(() => this.end(key), this.ttlMs);
    timer.unref();
    this.leases.set(key, { unsubscribe, timer });
  }

  /** How many players of the camera are counted right now. */
  count(cameraId: string): number {
    let n = 0;
    for (const key of this.leases.keys()) if (key.startsWith(`${cameraId}\n`)) n++;
    return n;
  }

  endCamera(cameraId: string): void {
    for (const key of [...this.leases.keys()]) if (key.startsWith(`${cameraId}\n`)) this.end(key);
  }

  endAll(): void {
    for (const key of [...this.leases.keys()]) this.end(key);
  }

  private end(key: string): void {
    const lease = this.leases.get(key);
    if (!lease) return;
    this.leases.delete(key);
    clearTimeout(lease.timer);
    lease.unsubscribe();
  }
}
