import { reasonPhrase } from './status';

export interface RtspRequest {
  method: string;
  uri: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Map<string, string>;
  body: Buffer;
}

export interface RtspResponse {
  status: number;
  /** Echoed from the request; omitted when the request had none (unparseable input). */
  cseq?: string | undefined;
  /** In the order given; names as they should appear on the wire. */
  headers?: [string, string][];
  body?: Buffer | string;
}

/** Header values must not smuggle a line break into the response. */
function safe(v: string): string {
  return /[\r\n]/.test(v) ? v.replace(/[\r\n]+/g, ' ') : v;
}

export function serializeResponse(res: RtspResponse, server = 'WINK-Media-Router'): Buffer {
  const body = res.body === undefined ? null : typeof res.body === 'string' ? Buffer.from(res.body, 'utf8') : res.body;
  let head = `RTSP/1.0 ${res.status} ${reasonPhrase(res.status)}\r\n`;
  if (res.cseq !== undefined) head += `CSeq: ${safe(res.cseq)}\r\n`;
  head += `Server: ${server}\r\n`;
  for (const [name, value] of res.headers ?? []) head += `${name}: ${safe(value)}\r\n`;
  if (body && body.length > 0) head += `Content-Length: ${body.length}\r\n`;
  head += '\r\n';
  return body && body.length > 0 ? Buffer.concat([Buffer.from(head, 'utf8'), body]) : Buffer.from(head, 'utf8');
}

/** An RTP/RTCP packet in an RTSP TCP stream (RFC 2326 §10.12): '$', channel, 16-bit length. */
export function interleavedFrameHeader(channel: number, length: number): Buffer {
  const h = Buffer.allocUnsafe(4);
  h[0] = 0x24;
  h[1] = channel & 0xff;
  h.writeUInt16BE(length, 2);
  return h;
}
