// ffmpeg/ffprobe input options for one camera source, shared by the probe and the ingest
// run so both open the camera the same way.

import type { RtspTransport } from '../contracts/api';
import type { SourceAddress } from './source-url';

export interface SourceInputOptions {
  transport?: RtspTransport;
  /** How long a silent source may stay connected before ffmpeg gives up. Default 10 s. */
  ioTimeoutMs?: number;
  /** Before ffmpeg 5 the RTSP socket timeout was -stimeout. */
  ffmpegMajorVersion?: number | null;
  /** Ingest only: read files at their own pace, looping; a probe reads as fast as it can. */
  realtime?: boolean;
  /** Stamp frames with their arrival time: for MJPEG over HTTP, which carries no timing. */
  wallclockTimestamps?: boolean;
}

// Each source may only pull in the protocols it needs, so a hostile HLS playlist or RTSP
// redirect cannot make ffmpeg open a local file or some other protocol.
const PROTOCOLS: Record<SourceAddress['scheme'], string> = {
  rtsp: 'rtsp,rtp,srtp,udp,tcp,tls',
  rtmp: 'rtmp,rtmps,tcp,tls',
  http: 'http,https,tcp,tls,crypto',
  https: 'http,https,tcp,tls,crypto',
  file: 'file',
};

/** Options that go before (and include) `-i`. */
export function sourceInputArgs(source: Pick<SourceAddress, 'scheme' | 'url'>, opts: SourceInputOptions = {}): string[] {
  const timeoutUs = String((opts.ioTimeoutMs ?? 10_000) * 1000);
  const args = ['-protocol_whitelist', PROTOCOLS[source.scheme]];
  switch (source.scheme) {
    case 'rtsp': {
      const transport = opts.transport ?? 'tcp';
      // 'auto' leaves ffmpeg's default: UDP first, TCP when UDP gets nothing through.
      if (transport !== 'auto') args.push('-rtsp_transport', transport);
      const timeoutFlag = opts.ffmpegMajorVersion != null && opts.ffmpegMajorVersion < 5 ? '-stimeout' : '-timeout';
      args.push(timeoutFlag, timeoutUs);
      break;
    }
    case 'rtmp':
    case 'http':
    case 'https':
      args.push('-rw_timeout', timeoutUs);
      break;
    case 'file':
      if (opts.realtime) args.push('-re', '-stream_loop', '-1');
      break;
  }
  if (opts.wallclockTimestamps) args.push('-use_wallclock_as_timestamps', '1');
  args.push('-i', source.url);
  return args;
}
