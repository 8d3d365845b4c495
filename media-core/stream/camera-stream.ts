import { EventEmitter } from 'node:events';
import type { Logger } from '../log/logger';
import { packetPid, packetPusi, PID_PAT, TS_PACKET_SIZE, TsAligner, TsDemuxer } from '../protocols/mpegts';
import type { DemuxedPes, ElementaryStream } from '../protocols/mpegts';
import { AccessUnitBuilder } from './access-units';
import { GopCache } from './gop-cache';
import { MediaInfo } from './media-info';
import { RateMeter } from './rate-meter';
import { ReaderSet, type ReaderEntry } from './reader-set';
import { TsBatcher, type KeyStream } from './ts-batcher';
import type { AccessUnit, CodecConfig, StreamInfo, StreamReader, SubscribeOptions } from './types';

/** 'info' is emitted when codec or picture size changes, and at most this often otherwise. */
const INFO_INTERVAL_MS = 5000;

export interface CameraStreamOptions {
  log: Logger;
  maxGopBytes: number;
  now: () => number;
}

/**
 * One camera's live media: ingest bytes in (push), TS batches and access units out to
 * any number of readers, with the last GOP cached for fast starts. Memory is bounded:
 * the aligner keeps < 3 packets, the demuxer one PES per stream, the cache maxGopBytes.
 */
export class CameraStream extends EventEmitter {
  private readonly aligner = new TsAligner();
  private readonly demuxer = new TsDemuxer({ onProgram: (s) => this.onProgram(s), onPes: (p) => this.onPes(p) });
  private readonly batcher: TsBatcher;
  private readonly builder = new AccessUnitBuilder();
  private readonly gop: GopCache;
  private readonly media = new MediaInfo();
  private readonly meter = new RateMeter(5);
  private readonly readers: ReaderSet;
  private readonly log: Logger;
  private readonly now: () => number;
  private pat: Buffer | null = null;
  private pmt: Buffer | null = null;
  private psiBytes: Buffer | null = null;
  private keyStream: KeyStream | null = null;
  private lastKeyPesWasKeyframe = false;
  private bytesIn = 0;
  private lastDataAt: number | null = null;
  private lastInfoAt = 0;
  private closed = false;

  constructor(
    readonly id: string,
    opts: CameraStreamOptions,
  ) {
    super();
    this.log = opts.log;
    this.now = opts.now;
    this.gop = new GopCache(opts.maxGopBytes);
    this.readers = new ReaderSet(opts.log);
    this.readers.onViewers = (count) => this.emit('viewers', count);
    this.batcher = new TsBatcher(
      {
        keyStream: () => this.keyStream,
        partialPes: (pid) => this.demuxer.partialPes(pid),
        lastPesWasKeyframe: () => this.lastKeyPesWasKeyframe,
      },
      (batch, key) => this.onBatch(batch, key),
    );
  }

  /** Ingest bytes as they come off the pipe; any size, no alignment needed. */
  push(chunk: Buffer): void {
    if (this.closed || chunk.length === 0) return;
    const now = this.now();
    this.bytesIn += chunk.length;
    this.lastDataAt = now;
    this.meter.add(chunk.length, now);
    const pkts = this.aligner.push(chunk);
    for (let off = 0; off + TS_PACKET_SIZE <= pkts.length; off += TS_PACKET_SIZE) {
      this.demuxer.feedPacket(pkts, off);
      this.trackPsi(pkts, off);
      this.batcher.packet(pkts, off);
    }
    this.batcher.endOfChunk();
    if (now - this.lastInfoAt >= INFO_INTERVAL_MS) this.emitInfo();
  }

  /** The upstream restarted (new ffmpeg): forget all stream state and tell readers. */
  discontinuity(): void {
    this.aligner.reset();
    this.demuxer.reset();
    this.batcher.reset();
    this.builder.reset();
    this.gop.clear();
    this.media.onDiscontinuity();
    this.pat = this.pmt = this.psiBytes = null;
    this.keyStream = null;
    this.lastKeyPesWasKeyframe = false;
    for (const e of this.readers.snapshot()) {
      e.tsWaiting = e.auWaiting = e.fromKeyframe;
      this.readers.call(e, (r) => r.onDiscontinuity?.());
    }
  }

  info(): StreamInfo {
    return {
      videoCodec: this.media.videoCodec,
      profile: this.media.profile,
      width: this.media.width,
      height: this.media.height,
      fps: this.media.fps(),
      hasAudio: this.media.hasAudio,
      bitrate: this.meter.bitsPerSecond(this.now()),
      bytesIn: this.bytesIn,
      lastDataAt: this.lastDataAt,
    };
  }

  codecConfig(): CodecConfig {
    return this.media.codecConfig();
  }

  /** The keyframe that starts the cached GOP, if any. */
  lastKeyframeAu(): AccessUnit | undefined {
    const first = this.gop.auReplay()[0];
    return first?.keyframe ? first : undefined;
  }

  /** Replays synchronously (inside this call) when starting from a keyframe; returns the
   *  unsubscribe function. */
  subscribe(reader: StreamReader, opts: SubscribeOptions = {}): () => void {
    if (this.closed) return () => {};
    const entry = this.readers.add(reader, opts.fromKeyframe ?? true, opts.passive ?? false);
    if (entry.fromKeyframe) this.replay(entry);
    return () => this.readers.remove(entry);
  }

  readerCount(): number {
    return this.readers.size;
  }

  /** Readers that are viewers (not passive). 'viewers' (count) is emitted on every change:
   *  0 → 1 is the first viewer arriving, 1 → 0 the last one leaving. */
  viewerCount(): number {
    return this.readers.viewerCount;
  }

  /** Bytes held by the GOP cache (for stats and tests). */
  cachedBytes(): number {
    return this.gop.bytes();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.readers.clear();
    this.gop.clear();
    this.emit('close');
    this.removeAllListeners();
  }

  private replay(entry: ReaderEntry): void {
    const { psi, batches } = this.gop.tsReplay();
    if (entry.reader.onTs && batches.length > 0) {
      entry.tsWaiting = false;
      const list = batches.slice();
      if (psi && !this.readers.call(entry, (r) => r.onTs!(psi, false))) return;
      for (let i = 0; i < list.length; i++) {
        if (!this.readers.call(entry, (r) => r.onTs!(list[i]!, i === 0))) return;
      }
    }
    const aus = this.gop.auReplay().slice();
    if (entry.reader.onAccessUnit && aus.length > 0) {
      entry.auWaiting = false;
      for (const au of aus) if (!this.readers.call(entry, (r) => r.onAccessUnit!(au))) return;
    }
  }

  private onBatch(batch: Buffer, startsKeyframe: boolean): void {
    const psi = this.psi();
    this.gop.addTs(batch, startsKeyframe, startsKeyframe ? psi : null);
    for (const e of this.readers.snapshot()) {
      if (!e.reader.onTs) continue;
      if (e.tsWaiting) {
        if (!startsKeyframe) continue;
        e.tsWaiting = false;
        if (psi && !this.readers.call(e, (r) => r.onTs!(psi, false))) continue;
      }
      this.readers.call(e, (r) => r.onTs!(batch, startsKeyframe));
    }
  }

  private onPes(pes: DemuxedPes): void {
    const aus = this.builder.fromPes(pes);
    const isKeyPid = pes.pid === this.keyStream?.pid;
    if (isKeyPid) this.lastKeyPesWasKeyframe = aus[0]?.keyframe ?? false;
    for (const au of aus) {
      if (this.media.onAccessUnit(au)) this.emitInfo();
      const startsGop = isKeyPid && au.keyframe;
      this.gop.addAu(au, startsGop);
      for (const e of this.readers.snapshot()) {
        if (!e.reader.onAccessUnit) continue;
        if (e.auWaiting) {
          if (!startsGop) continue;
          e.auWaiting = false;
        }
        this.readers.call(e, (r) => r.onAccessUnit!(au));
      }
    }
  }

  private onProgram(streams: ElementaryStream[]): void {
    const video = streams.find((s) => s.codec === 'h264' || s.codec === 'h265');
    const key = video ?? streams.find((s) => s.codec === 'aac');
    this.keyStream = key ? { pid: key.pid, codec: key.codec as KeyStream['codec'] } : null;
    if (this.media.onProgram(streams)) this.emitInfo();
  }

  private trackPsi(pkts: Buffer, off: number): void {
    if (!packetPusi(pkts, off)) return;
    const pid = packetPid(pkts, off);
    if (pid !== PID_PAT && pid !== this.demuxer.pmtPid()) return;
    const copy = Buffer.from(pkts.subarray(off, off + TS_PACKET_SIZE));
    if (pid === PID_PAT) this.pat = copy;
    else this.pmt = copy;
    this.psiBytes = null;
  }

  /** The latest PAT+PMT packets, for readers that start mid-stream. */
  private psi(): Buffer | null {
    if (!this.psiBytes && this.pat && this.pmt) this.psiBytes = Buffer.concat([this.pat, this.pmt]);
    return this.psiBytes;
  }

  private emitInfo(): void {
    this.lastInfoAt = this.now();
    try {
      this.emit('info', this.info());
    } catch (err) {
      this.log.warn({ err, camera: this.id }, "an 'info' listener threw");
    }
  }
}
