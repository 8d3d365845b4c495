import type { AuthMethod } from '../../../../media-core/contracts/partners';

export type StreamProtocol = 'hls' | 'rtsp' | 'rtmp' | 'srt';

export interface StreamUrl {
  protocol: StreamProtocol;
  label: string;
  url: string;
  /** What the partner's player needs to know about this URL. */
  hint: string;
}

/** "0.0.0.0:8080" → { host: '0.0.0.0', port: '8080' }; IPv6 "[::]:8080" too. */
export function splitAddress(address: string): { host: string; port: string } | null {
  const colon = address.lastIndexOf(':');
  if (colon <= 0) return null;
  const host = address.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = address.slice(colon + 1);
  return /^\d+$/.test(port) ? { host, port } : null;
}

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '', '*']);

/** The address partners dial: a listener on every interface is reached the way the
 *  console was (its host name), one on a specific address at that address. */
export function publicAuthority(listenerAddress: string, consoleHost: string): string | null {
  const parts = splitAddress(listenerAddress);
  if (parts === null) return null;
  const host = ANY_ADDRESS.has(parts.host) ? consoleHost : parts.host;
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${bracketed}:${parts.port}`;
}

export interface StreamUrlInput {
  /** Listener name → "host:port", as GET /api/v1/system lists them. */
  listeners: Record<string, string>;
  /** window.location.hostname of the console. */
  consoleHost: string;
  camera: string;
  auth: readonly AuthMethod[];
  /** An OTP token to put in the URLs; null: URLs for an allow-listed address or a template. */
  token: string | null;
  /** The partner HTTP listener speaks HTTPS. */
  partnerTls?: boolean;
}

/**
 * Ready-to-copy stream URLs for every protocol the partner may use with the credential
 * given: HLS on the partner HTTP listener, RTSP, RTMP (token in the query, as for HLS)
 * and SRT (stream id names the camera, the partner's SRT key is the passphrase).
 * Protocols whose listener the core does not run are left out.
 */
export function streamUrls({ listeners, consoleHost, camera, auth, token, partnerTls }: StreamUrlInput): StreamUrl[] {
  const urls: StreamUrl[] = [];
  const cam = encodeURIComponent(camera);
  const query = token !== null ? `?token=${encodeURIComponent(token)}` : '';
  const byToken = token !== null && auth.includes('otp');
  const byAddress = token === null && auth.includes('ip');
  const at = (name: string) => (listeners[name] ? publicAuthority(listeners[name]!, consoleHost) : null);

  if (byToken || byAddress) {
    const hint = byToken ? 'Works until the token expires or is revoked.' : 'Works only from an address on the allow-list.';
    const http = at('http') ?? at('hls');
    if (http) urls.push({ protocol: 'hls', label: 'HLS', url: `${partnerTls ? 'https' : 'http'}://${http}/hls/${cam}/playlist.m3u8${query}`, hint: `Web players, hls.js, Safari, VLC. ${hint}` });
    const rtsp = at('rtsp');
    if (rtsp) urls.push({ protocol: 'rtsp', label: 'RTSP', url: `rtsp://${rtsp}/${cam}${query}`, hint: `VMS, NVR, VLC, ffplay. ${hint}` });
    const rtmp = at('rtmp');
    if (rtmp) urls.push({ protocol: 'rtmp', label: 'RTMP', url: `rtmp://${rtmp}/live/${cam}${query}`, hint: `Legacy players and CDN ingest. ${hint}` });
  }
  const srt = at('srt');
  if (srt && auth.includes('srt_key')) {
    urls.push({
      protocol: 'srt',
      label: 'SRT',
      url: `srt://${srt}?streamid=${encodeURIComponent(`#!::r=${camera},m=request`)}&passphrase=<SRT key>`,
      hint: "Broadcast decoders. Put the partner's SRT key (shown when it was made) as the passphrase.",
    });
  }
  return urls;
}
