// Test support: a deliberately small RTSP client over a raw socket, to send exactly the
// bytes a test wants (malformed, split, pipelined) and to look at every interleaved packet.
import { connect, type Socket } from 'node:net';

export interface RtspReply {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

export class RawRtspClient {
  readonly replies: RtspReply[] = [];
  /** Interleaved frames by channel, as received. */
  onFrame: ((channel: number, data: Buffer) => void) | null = null;
  framesReceived = 0;
  closed = false;
  readonly closedPromise: Promise<void>;
  private buf: Buffer = Buffer.alloc(0);
  private cseq = 0;
  private waiters: ((r: RtspReply) => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (c: Buffer) => this.onData(c));
    socket.on('error', () => {});
    this.closedPromise = new Promise((resolve) =>
      socket.once('close', () => {
        this.closed = true;
        resolve();
      }),
    );
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawRtspClient> {
    return new Promise((resolve, reject) => {
      const s = connect({ port, host, noDelay: true }, () => {
        s.off('error', reject);
        resolve(new RawRtspClient(s));
      });
      s.once('error', reject);
    });
  }

  /** Sends a well-formed request (CSeq added) and waits for its reply. */
  request(method: string, url: string, headers: Record<string, string> = {}, body = ''): Promise<RtspReply> {
    let text = `${method} ${url} RTSP/1.0\r\nCSeq: ${++this.cseq}\r\n`;
    for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
    if (body) text += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
    text += `\r\n${body}`;
    return this.sendRaw(text);
  }

  /** Writes bytes as given; resolves with the next reply (rejects if the socket closes first). */
  sendRaw(bytes: string | Buffer): Promise<RtspReply> {
    const p = this.nextReply();
    this.socket.write(bytes);
    return p;
  }

  nextReply(timeoutMs = 10_000): Promise<RtspReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no RTSP reply in time')), timeoutMs);
      const done = (r: RtspReply) => {
        clearTimeout(t);
        resolve(r);
      };
      this.waiters.push(done);
      void this.closedPromise.then(() => {
        clearTimeout(t);
        reject(new Error('connection closed before a reply'));
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.buf.length === 0) return;
      if (this.buf[0] === 0x24) {
        if (this.buf.length < 4) return;
        const len = this.buf.readUInt16BE(2);
        if (this.buf.length < 4 + len) return;
        this.framesReceived++;
        this.onFrame?.(this.buf[1]!, this.buf.subarray(4, 4 + len));
        this.buf = this.buf.subarray(4 + len);
        continue;
      }
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = this.buf.toString('latin1', 0, end).split('\r\n');
      const status = Number(/^RTSP\/1\.0 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const headers = new Map<string, string>();
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
      }
      const len = Number(headers.get('content-length') ?? 0);
      if (this.buf.length < end + 4 + len) return;
      const body = Buffer.from(this.buf.subarray(end + 4, end + 4 + len));
      this.buf = this.buf.subarray(end + 4 + len);
      const reply = { status, headers, body };
      const w = this.waiters.shift();
      if (w) w(reply);
      else this.replies.push(reply);
    }
  }
}

/** DESCRIBE + SETUP of every track over TCP (interleaved 0-1, 2-3, ...) + PLAY. */
export async function playTcp(c: RawRtspClient, url: string, headers: Record<string, string> = {}): Promise<{ session: string; sdp: string; play: RtspReply }> {
  const d = await c.request('DESCRIBE', url, { Accept: 'application/sdp', ...headers });
  if (d.status !== 200) throw new Error(`DESCRIBE ${d.status}`);
  const sdp = d.body.toString();
  const base = d.headers.get('content-base') ?? `${url}/`;
  const controls = [...sdp.matchAll(/^m=[\s\S]*?^a=control:(\S+)/gm)].map((m) => m[1]!);
  let session = '';
  for (const [i, control] of controls.entries()) {
    const s = await c.request('SETUP', control.startsWith('rtsp://') ? control : base + control, {
      Transport: `RTP/AVP/TCP;unicast;interleaved=${2 * i}-${2 * i + 1}`,
      ...(session ? { Session: session } : {}),
    });
    if (s.status !== 200) throw new Error(`SETUP ${s.status}`);
    session = s.headers.get('session')!.split(';')[0]!;
  }
  const play = await c.request('PLAY', url, { Session: session, Range: 'npt=0.000-' });
  if (play.status !== 200) throw new Error(`PLAY ${play.status}`);
  return { session, sdp, play };
}
