import { firstVclNalType, isKeyframeNalType } from '../protocols/h264';
import { packetPid, packetPusi, parsePesHeader, TS_PACKET_SIZE } from '../protocols/mpegts';

export interface KeyStream {
  pid: number;
  codec: 'h264' | 'h265' | 'aac';
}

export interface TsBatcherDeps {
  /** The PID whose PES starts are candidate keyframes (video, or audio if no video). */
  keyStream(): KeyStream | null;
  /** Bytes of the PES in progress on a PID (from the demuxer), or null. */
  partialPes(pid: number): Buffer | null;
  /** Whether the PES that last completed on the key PID was a keyframe (for PES that
   *  declare their length and so complete before the next one starts). */
  lastPesWasKeyframe(): boolean;
}

/** A keyframe PES whose first VCL NAL is not found within this many bytes is treated
 *  as not a keyframe, so holding packets back stays bounded. */
const MAX_PENDING_BYTES = 256 * 1024;

/**
 * Groups TS packets into batches so that every keyframe PES starts a batch, which lets
 * readers (HLS segmenter, GOP cache) cut at keyframes without parsing H.264 themselves.
 * A video PES start whose random_access_indicator is not set is held back just until its
 * first slice NAL shows whether it is an IDR — typically a few packets.
 */
export class TsBatcher {
  private current: Buffer[] = [];
  private currentKey = false;
  private pending: Buffer[] | null = null;
  private pendingBytes = 0;

  constructor(
    private readonly deps: TsBatcherDeps,
    private readonly emit: (batch: Buffer, startsKeyframe: boolean) => void,
  ) {}

  /** One packet at `off` in `pkts`, after the demuxer has seen it. */
  packet(pkts: Buffer, off: number): void {
    const p = pkts.subarray(off, off + TS_PACKET_SIZE);
    const key = this.deps.keyStream();
    if (key && packetPusi(p) && packetPid(p) === key.pid) {
      if (this.pending) this.resolvePending(false);
      this.flush();
      if (key.codec === 'aac' || hasRandomAccess(p)) {
        this.current.push(p);
        this.currentKey = true;
        return;
      }
      this.pending = [p];
      this.pendingBytes = p.length;
      this.checkPending(key);
      return;
    }
    if (this.pending && key) {
      this.pending.push(p);
      this.pendingBytes += p.length;
      this.checkPending(key);
      return;
    }
    this.current.push(p);
  }

  /** End of one pushed chunk: hand over what is decided, keep what is still pending. */
  endOfChunk(): void {
    if (!this.pending) this.flush();
  }

  reset(): void {
    this.current = [];
    this.currentKey = false;
    this.pending = null;
    this.pendingBytes = 0;
  }

  private checkPending(key: KeyStream): void {
    const pes = this.deps.partialPes(key.pid);
    const header = pes ? parsePesHeader(pes) : null;
    if (!pes) return this.resolvePending(this.deps.lastPesWasKeyframe());
    if (this.pendingBytes > MAX_PENDING_BYTES) return this.resolvePending(false);
    if (!header) return; // header not complete yet
    if (key.codec === 'aac') return this.resolvePending(true);
    const type = firstVclNalType(pes.subarray(header.payloadOffset), key.codec);
    if (type !== null) this.resolvePending(isKeyframeNalType(type, key.codec));
  }

  private resolvePending(keyframe: boolean): void {
    const held = this.pending ?? [];
    this.pending = null;
    this.pendingBytes = 0;
    if (keyframe) {
      this.flush();
      this.currentKey = true;
    }
    this.current.push(...held);
  }

  private flush(): void {
    if (this.current.length === 0) return;
    const batch = joinPackets(this.current);
    const key = this.currentKey;
    this.current = [];
    this.currentKey = false;
    this.emit(batch, key);
  }
}

function hasRandomAccess(p: Buffer): boolean {
  return (p[3]! & 0x20) !== 0 && p[4]! > 0 && (p[5]! & 0x40) !== 0;
}

/** One buffer for the packets; a view without copying when they are already adjacent. */
function joinPackets(parts: Buffer[]): Buffer {
  const first = parts[0]!;
  if (parts.length === 1) return first;
  let adjacent = true;
  for (let i = 1; i < parts.length && adjacent; i++) {
    const prev = parts[i - 1]!;
    const cur = parts[i]!;
    adjacent = cur.buffer === first.buffer && cur.byteOffset === prev.byteOffset + prev.length;
  }
  if (!adjacent) return Buffer.concat(parts);
  const last = parts[parts.length - 1]!;
  return Buffer.from(first.buffer, first.byteOffset, last.byteOffset + last.length - first.byteOffset);
}
