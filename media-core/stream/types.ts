export interface StreamInfo {
  videoCodec: string | null;
  profile: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  hasAudio: boolean;
  /** Bits per second of ingest bytes over the last ~5 s. */
  bitrate: number;
  bytesIn: number;
  /** Date.now() of the last pushed chunk. */
  lastDataAt: number | null;
}

export interface AccessUnit {
  kind: 'video' | 'audio';
  codec: 'h264' | 'h265' | 'aac' | string;
  /** 90 kHz, unwrapped: keeps increasing past the 33-bit wrap of MPEG-TS. */
  pts: number;
  dts: number;
  /** Video: IDR (H.264) / IRAP (H.265) picture. Audio: always true. */
  keyframe: boolean;
  /** H.264/H.265: one Annex-B access unit. AAC: one ADTS frame, header included. */
  data: Buffer;
}

/**
 * A consumer of one camera's media. Callbacks run synchronously inside push(); buffers
 * handed over are never modified afterwards, so a reader may keep them, but must not
 * modify them. A reader that throws is unsubscribed.
 */
export interface StreamReader {
  /** Whole 188-byte packets. startsKeyframe: the first packet begins a video keyframe PES. */
  onTs?(packets: Buffer, startsKeyframe: boolean): void;
  onAccessUnit?(au: AccessUnit): void;
  /** The upstream restarted: timestamps, PIDs and codec parameters may all change. */
  onDiscontinuity?(): void;
}

export interface SubscribeOptions {
  /** Default true: start at a keyframe, replaying the cached last GOP first (PAT+PMT
   *  ahead of the TS replay). False: live from now, mid-GOP. */
  fromKeyframe?: boolean;
  /** A reader that is part of the appliance (HLS muxer, monitors) rather than a viewer:
   *  it does not count in viewerCount() and does not keep an on-demand camera running. */
  passive?: boolean;
}

/** What RTSP (SDP) and RTMP (sequence headers) need before the first access unit. */
export interface CodecConfig {
  video: {
    codec: string;
    profile: string | null;
    level: string | null;
    width: number | null;
    height: number | null;
    /** Latest SPS / PPS NAL units (no start code), H.264 only. */
    sps: Buffer | null;
    pps: Buffer | null;
  } | null;
  audio: {
    codec: string;
    sampleRate: number;
    channels: number;
    /** 2-byte AudioSpecificConfig. */
    config: Buffer;
  } | null;
}
