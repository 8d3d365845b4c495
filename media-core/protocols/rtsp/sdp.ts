// The session description a DESCRIBE returns (RFC 4566), with the payload formats of
// RFC 6184 §8.1 (H.264) and RFC 3640 §4.1 (AAC-hbr).

export interface SdpH264Track {
  kind: 'h264';
  payloadType: number;
  control: string;
  /** NAL units without start codes. */
  sps: Buffer;
  pps: Buffer;
}

export interface SdpAacTrack {
  kind: 'aac';
  payloadType: number;
  control: string;
  sampleRate: number;
  channels: number;
  /** AudioSpecificConfig bytes. */
  config: Buffer;
}

export type SdpTrack = SdpH264Track | SdpAacTrack;

export interface SdpSession {
  /** o= session id: digits only. */
  sessionId: string;
  /** IPv4/IPv6 address of the server as the client reached it, for o=. */
  origin: string;
  name: string;
  tracks: SdpTrack[];
}

/** profile_idc, constraint flags and level_idc: bytes 1..3 of the SPS, in hex. */
export function profileLevelId(sps: Buffer): string {
  return sps.subarray(1, 4).toString('hex').padEnd(6, '0');
}

function sanitize(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').trim() || '-';
}

export function buildSdp(s: SdpSession): string {
  const ipv = s.origin.includes(':') ? 'IP6' : 'IP4';
  const lines = [
    'v=0',
    `o=- ${s.sessionId} 1 IN ${ipv} ${s.origin}`,
    `s=${sanitize(s.name)}`,
    `c=IN ${ipv} ${ipv === 'IP6' ? '::' : '0.0.0.0'}`,
    't=0 0',
    'a=tool:WINK Media Router',
    'a=range:npt=now-',
    'a=control:*',
  ];
  for (const t of s.tracks) {
    if (t.kind === 'h264') {
      const sprop = `${t.sps.toString('base64')},${t.pps.toString('base64')}`;
      lines.push(
        `m=video 0 RTP/AVP ${t.payloadType}`,
        `a=rtpmap:${t.payloadType} H264/90000`,
        `a=fmtp:${t.payloadType} packetization-mode=1;profile-level-id=${profileLevelId(t.sps)};sprop-parameter-sets=${sprop}`,
      );
    } else {
      lines.push(
        `m=audio 0 RTP/AVP ${t.payloadType}`,
        `a=rtpmap:${t.payloadType} mpeg4-generic/${t.sampleRate}/${t.channels}`,
        `a=fmtp:${t.payloadType} streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=${t.config.toString('hex')}`,
      );
    }
    lines.push(`a=control:${t.control}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
