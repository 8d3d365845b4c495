import type { Socket } from 'node:net';
import type { Logger } from '../../log/logger';
import { RtspParser, serializeResponse, type RtspParserLimits, type RtspRequest } from '../../protocols/rtsp';
import type { CachedGrant } from './authorize';
import type { RtspSession, SessionConnection } from './session';
import { RTSP_END_REASONS } from './types';
import { plainIp } from './udp-pair';

/** What a handler answers; `after` runs once the response is queued on the socket. */
export interface Reply {
  status: number;
  headers?: [string, string][];
  body?: string | Buffer;
  after?: () => void;
  /** Close the connection once the response is written. */
  close?: boolean;
}

export interface ConnectionHost {
  readonly log: Logger;
  readonly parserLimits: RtspParserLimits;
  readonly requestTimeoutMs: number;
  readonly maxQueuedBytes: number;
  now(): number;
  handle(conn: RtspConnection, req: RtspRequest): Promise<Reply>;
  /** RTP/RTCP the client sent on an interleaved channel. */
  interleaved(conn: RtspConnection, channel: number, data: Buffer): void;
  connectionClosed(conn: RtspConnection, reason: string): void;
}

/** Requests a client may pipeline before the first is answered. */
const MAX_PENDING_REQUESTS = 16;
/** After an error response with close: how long the client gets to read it. */
const LINGER_MS = 2_000;

/**
 * One client TCP connection: frames requests (any split of the byte stream), answers them
 * strictly in order, and carries interleaved media. A message that takes longer than the
 * request timeout to arrive, or a client that lets more than maxQueuedBytes of media pile
 * up unread, loses the connection.
 */
export class RtspConnection implements SessionConnection {
  readonly ip: string;
  readonly sessions = new Set<RtspSession>();
  readonly grants = new Map<string, CachedGrant>();
  /** Interleaved channels taken by this connection's tracks. */
  readonly channels = new Set<number>();
  lastActivity: number;
  closed = false;
  /** Over the per-address connection cap: every request is answered 503, then closed. */
  refused = false;
  /** Runs once when the connection closes (releases its connection slot). */
  onClose: (() => void) | null = null;
  private readonly parser: RtspParser;
  private readonly queue: RtspRequest[] = [];
  private busy = false;
  /** A response with close is on its way: further input is ignored. */
  private ending = false;
  private partialTimer: NodeJS.Timeout | null = null;
  /** Extra unread bytes tolerated while a GOP replay drains (see allowBurst). */
  private burst = 0;
  private replaying = false;

  constructor(
    readonly id: number,
    readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    this.ip = plainIp(socket.remoteAddress);
    this.lastActivity = host.now();
    this.parser = new RtspParser(host.parserLimits);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.destroy(RTSP_END_REASONS.clientClosed));
    socket.on('close', () => this.destroy(RTSP_END_REASONS.clientClosed));
  }

  get localAddress(): string {
    return plainIp(this.socket.localAddress);
  }

  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  /** A new session's GOP replay is written in one go and may exceed the cap on its own (a
   *  high-bitrate camera, a long GOP): it is tolerated on top of the cap until it drains. */
  beginBurst(): void {
    this.replaying = true;
  }

  endBurst(): void {
    this.replaying = false;
    this.burst = Math.max(this.burst, this.socket.writableLength);
  }

  /** Queues media; false (and the connection dropped) when the client is too slow. */
  writeMedia(buf: Buffer): boolean {
    if (this.closed) return false;
    this.socket.write(buf);
    const queued = this.socket.writableLength;
    if (queued <= this.host.maxQueuedBytes) this.burst = 0;
    if (!this.replaying && queued > this.host.maxQueuedBytes + this.burst) {
      this.host.log.info({ conn: this.id, ip: this.ip, unread: this.socket.writableLength }, 'rtsp client too slow; dropped');
      this.destroy(RTSP_END_REASONS.slowClient);
      return false;
    }
    return true;
  }

  destroy(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.clearPartialTimer();
    this.queue.length = 0;
    this.socket.destroy();
    this.onClose?.();
    this.onClose = null;
    this.host.connectionClosed(this, reason);
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.ending) return;
    for (const input of this.parser.push(chunk)) {
      if (input.type === 'request') {
        this.lastActivity = this.host.now();
        if (this.queue.length >= MAX_PENDING_REQUESTS) return this.destroy(RTSP_END_REASONS.protocolError);
        this.queue.push(input.request);
      } else if (input.type === 'interleaved') {
        this.lastActivity = this.host.now();
        this.host.interleaved(this, input.channel, input.data);
      } else if (input.type === 'error') {
        this.write(serializeResponse({ status: input.status, cseq: input.cseq, headers: input.fatal ? [['Connection', 'close']] : [] }));
        if (input.fatal) return this.endSoon(RTSP_END_REASONS.protocolError);
      }
    }
    if (this.parser.midMessage) this.startPartialTimer();
    else this.clearPartialTimer();
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (!this.closed && !this.ending && this.queue.length > 0) {
        const req = this.queue.shift()!;
        const cseq = req.headers.get('cseq');
        let reply: Reply;
        if (cseq === undefined || !/^\d{1,10}$/.test(cseq.trim())) reply = { status: 400 };
        else {
          try {
            reply = await this.host.handle(this, req);
          } catch (err) {
            this.host.log.error({ err, method: req.method }, 'rtsp request failed');
            reply = { status: 500 };
          }
        }
        if (this.closed) break;
        const headers = reply.close ? [...(reply.headers ?? []), ['Connection', 'close'] as [string, string]] : reply.headers;
        this.write(serializeResponse({ status: reply.status, cseq: cseq?.trim(), headers: headers ?? [], ...(reply.body !== undefined ? { body: reply.body } : {}) }));
        reply.after?.();
        if (reply.close) this.endSoon(RTSP_END_REASONS.clientClosed);
      }
    } finally {
      this.busy = false;
    }
  }

  private write(buf: Buffer): void {
    if (!this.closed) this.socket.write(buf);
  }

  /** Sends what is queued, then closes; the client gets a moment to read it. */
  private endSoon(reason: string): void {
    if (this.closed || this.ending) return;
    this.ending = true;
    this.queue.length = 0;
    this.socket.end();
    setTimeout(() => this.destroy(reason), LINGER_MS).unref();
    this.clearPartialTimer();
  }

  private startPartialTimer(): void {
    if (this.partialTimer) return;
    this.partialTimer = setTimeout(() => {
      this.partialTimer = null;
      if (this.closed) return;
      this.write(serializeResponse({ status: 408, headers: [['Connection', 'close']] }));
      this.endSoon(RTSP_END_REASONS.protocolError);
    }, this.host.requestTimeoutMs);
    this.partialTimer.unref();
  }

  private clearPartialTimer(): void {
    if (this.partialTimer) clearTimeout(this.partialTimer);
    this.partialTimer = null;
  }
}
