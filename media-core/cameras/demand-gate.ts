// On-demand cameras: the upstream runs from the first viewer until `idleStopMs` after the
// last one left. Viewers are the stream's non-passive readers (RTSP/RTMP/SRT sessions,
// HLS players through their leases).

export interface DemandStream {
  viewerCount(): number;
  on(event: 'viewers', listener: (count: number) => void): unknown;
  off(event: 'viewers', listener: (count: number) => void): unknown;
}

export class DemandGate {
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly listener = (count: number) => this.onViewers(count);
  private running = false;

  constructor(
    private readonly stream: DemandStream,
    private readonly idleStopMs: number,
    private readonly start: () => void,
    private readonly stop: () => void,
  ) {
    stream.on('viewers', this.listener);
    this.onViewers(stream.viewerCount());
  }

  close(): void {
    this.stream.off('viewers', this.listener);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private onViewers(count: number): void {
    if (count > 0) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      if (!this.running) {
        this.running = true;
        this.start();
      }
    } else if (this.running && !this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.running = false;
        this.stop();
      }, this.idleStopMs);
    }
  }
}
