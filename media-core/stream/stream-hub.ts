import { silentLogger, type Logger } from '../log/logger';
import { CameraStream } from './camera-stream';

export interface StreamHubOptions {
  log?: Logger;
  /** Upper bound of one camera's last-GOP cache (TS + access units). Default 8 MiB. */
  maxGopBytes?: number;
  /** Clock for lastDataAt and bitrate; tests inject one. Default Date.now. */
  now?: () => number;
}

export const DEFAULT_MAX_GOP_BYTES = 8 * 1024 * 1024;

/** All live camera streams of the core, by camera id. */
export class StreamHub {
  private readonly streams = new Map<string, CameraStream>();
  private readonly log: Logger;
  private readonly maxGopBytes: number;
  private readonly now: () => number;

  constructor(opts: StreamHubOptions = {}) {
    this.log = opts.log ?? silentLogger();
    this.maxGopBytes = opts.maxGopBytes ?? DEFAULT_MAX_GOP_BYTES;
    this.now = opts.now ?? Date.now;
  }

  /** The camera's stream, created on first use. */
  open(id: string): CameraStream {
    let s = this.streams.get(id);
    if (!s) {
      s = new CameraStream(id, { log: this.log.child({ camera: id }), maxGopBytes: this.maxGopBytes, now: this.now });
      this.streams.set(id, s);
    }
    return s;
  }

  get(id: string): CameraStream | undefined {
    return this.streams.get(id);
  }

  /** Drops the camera's stream: its readers are detached and it emits 'close'. */
  close(id: string): void {
    const s = this.streams.get(id);
    if (!s) return;
    this.streams.delete(id);
    s.close();
  }

  ids(): string[] {
    return [...this.streams.keys()];
  }
}
