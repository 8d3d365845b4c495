import { ByteQueue } from './byte-queue';
import type { RtspRequest } from './message';

export interface RtspParserLimits {
  /** Request line + headers + blank line. Default 8 KiB. */
  maxHeaderBytes?: number;
  /** Content-Length cap. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Header lines per message. Default 64. */
  maxHeaders?: number;
}

export type RtspInput =
  | { type: 'request'; request: RtspRequest }
  /** An RTP/RTCP packet the client sent inside the TCP stream ('$' framing). */
  | { type: 'interleaved'; channel: number; data: Buffer }
  /** A response from the client (to a request we never send): framed, then ignored. */
  | { type: 'response' }
  /** fatal: the byte stream cannot be framed any more; answer and close. */
  | { type: 'error'; status: number; message: string; fatal: boolean; cseq?: string | undefined };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const REQUEST_LINE = /^(\S+)[ \t]+(\S+)[ \t]+RTSP\/(\d+)\.(\d+)[ \t]*$/;
const RESPONSE_LINE = /^RTSP\/\d+\.\d+[ \t]+\d{3}\b/;
const CR = 0x0d;
const LF = 0x0a;
const DOLLAR = 0x24;

interface Head {
  kind: 'request' | 'response';
  method: string;
  uri: string;
  headers: Map<string, string>;
  bodyLength: number;
}

/**
 * Incremental RTSP/1.0 request parser for one connection. Accepts any split of the byte
 * stream (down to single bytes), CRLF or bare LF line ends, and '$'-interleaved binary
 * frames between messages. Memory is bounded by the limits: a message that would exceed
 * them is a fatal error, after which the parser ignores all further input.
 */
export class RtspParser {
  private readonly q = new ByteQueue();
  private readonly maxHeaderBytes: number;
  private readonly maxBodyBytes: number;
  private readonly maxHeaders: number;
  private scanFrom = 0;
  private head: (Head & { headerBytes: number }) | null = null;
  private failed = false;

  constructor(limits: RtspParserLimits = {}) {
    this.maxHeaderBytes = limits.maxHeaderBytes ?? 8 * 1024;
    this.maxBodyBytes = limits.maxBodyBytes ?? 64 * 1024;
    this.maxHeaders = limits.maxHeaders ?? 64;
  }

  /** Bytes held for an unfinished message. */
  get bufferedBytes(): number {
    return this.q.length;
  }

  /** True while part of a message (or frame) has arrived but not all of it. */
  get midMessage(): boolean {
    return this.q.length > 0;
  }

  push(chunk: Buffer): RtspInput[] {
    if (this.failed) return [];
    this.q.append(chunk);
    const out: RtspInput[] = [];
    for (;;) {
      const item = this.next();
      if (!item) break;
      out.push(item);
      if (item.type === 'error' && item.fatal) {
        this.failed = true;
        this.q.clear();
        break;
      }
    }
    return out;
  }

  private next(): RtspInput | null {
    if (this.head) return this.body(this.head);
    while (this.q.length > 0 && (this.q.at(0) === CR || this.q.at(0) === LF)) this.q.consume(1);
    if (this.q.length === 0) return null;
    if (this.q.at(0) === DOLLAR) return this.frame();
    const end = this.findHeaderEnd();
    if (end < 0) {
      if (this.q.length > this.maxHeaderBytes) return fatal(400, 'request header too large');
      return null;
    }
    if (end > this.maxHeaderBytes) return fatal(400, 'request header too large');
    const parsed = this.parseHead(this.q.latin1(0, end));
    this.q.consume(end);
    this.scanFrom = 0;
    if ('type' in parsed) return parsed;
    this.head = { ...parsed, headerBytes: end };
    return this.body(this.head);
  }

  private frame(): RtspInput | null {
    if (this.q.length < 4) return null;
    const len = (this.q.at(2) << 8) | this.q.at(3);
    if (this.q.length < 4 + len) return null;
    const channel = this.q.at(1);
    const data = this.q.copy(4, 4 + len);
    this.q.consume(4 + len);
    return { type: 'interleaved', channel, data };
  }

  private body(head: Head): RtspInput | null {
    if (this.q.length < head.bodyLength) return null;
    const body = this.q.copy(0, head.bodyLength);
    this.q.consume(head.bodyLength);
    this.head = null;
    if (head.kind === 'response') return { type: 'response' };
    return { type: 'request', request: { method: head.method, uri: head.uri, headers: head.headers, body } };
  }

  /** Offset just past the blank line ending the header section, or -1. */
  private findHeaderEnd(): number {
    const n = this.q.length;
    for (let i = this.scanFrom; i < n; i++) {
      if (this.q.at(i) !== LF) continue;
      if (i + 1 < n && this.q.at(i + 1) === LF) return i + 2;
      if (i + 2 < n && this.q.at(i + 1) === CR && this.q.at(i + 2) === LF) return i + 3;
    }
    this.scanFrom = Math.max(0, n - 2);
    return -1;
  }

  private parseHead(text: string): Head | Extract<RtspInput, { type: 'error' }> {
    const lines = text.split(/\r?\n/);
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const first = lines.shift() ?? '';
    const headers = new Map<string, string>();
    let last: string | null = null;
    if (lines.length > this.maxHeaders) return fatal(400, 'too many header lines');
    for (const line of lines) {
      if (/^[ \t]/.test(line) && last) {
        headers.set(last, `${headers.get(last)} ${line.trim()}`); // obsolete line folding
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
      if (!TOKEN.test(name)) return fatal(400, 'malformed header line');
      const value = line.slice(colon + 1).trim();
      const prev = headers.get(name);
      headers.set(name, prev === undefined ? value : `${prev}, ${value}`);
      last = name;
    }
    const cseq = headers.get('cseq');
    const cl = headers.get('content-length') ?? '0';
    if (!/^\d{1,9}$/.test(cl.trim())) return fatal(400, 'bad Content-Length', cseq);
    const bodyLength = Number(cl.trim());
    if (bodyLength > this.maxBodyBytes) return fatal(413, 'request body too large', cseq);
    if (RESPONSE_LINE.test(first)) return { kind: 'response', method: '', uri: '', headers, bodyLength };
    const m = REQUEST_LINE.exec(first);
    if (!m || !TOKEN.test(m[1]!)) return fatal(400, 'malformed request line', cseq);
    if (m[3] !== '1' || m[4] !== '0') {
      // Framing is still known: skip the body, answer 505, keep the connection.
      this.head = { kind: 'response', method: '', uri: '', headers, bodyLength, headerBytes: 0 };
      return { type: 'error', status: 505, message: 'only RTSP/1.0 is supported', fatal: false, cseq };
    }
    return { kind: 'request', method: m[1]!, uri: m[2]!, headers, bodyLength };
  }
}

function fatal(status: number, message: string, cseq?: string): Extract<RtspInput, { type: 'error' }> {
  return { type: 'error', status, message, fatal: true, cseq };
}
