import { createSocket, type Socket, type SocketType } from 'node:dgram';
import type { Logger } from '../../log/logger';
import { parseRtcpCompound } from '../../protocols/rtp';
import type { UdpSender } from './media-track';

const ATTEMPTS = 32;

function bind(type: SocketType, host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createSocket({ type, reuseAddr: false });
    const onError = (err: Error) => {
      s.close();
      reject(err);
    };
    s.once('error', onError);
    s.bind(port, host, () => {
      s.off('error', onError);
      resolve(s);
    });
  });
}

/** "::ffff:1.2.3.4" → "1.2.3.4", so one client has one key whatever the socket family. */
export function plainIp(ip: string | undefined): string {
  if (!ip) return '';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}

/**
 * The server's one pair of UDP sockets (RTP on an even port, RTCP on the next), shared by
 * every UDP session as RTSP servers commonly do. RTCP arriving from a client's registered
 * address counts as a sign of life for its session; everything else is ignored.
 */
export class UdpPair implements UdpSender {
  private readonly listeners = new Map<string, () => void>();
  private readonly onSent = (err: Error | null) => {
    if (err) this.log.debug({ err }, 'udp send failed');
  };

  private constructor(
    private readonly rtp: Socket,
    private readonly rtcp: Socket,
    private readonly v4: boolean,
    private readonly log: Logger,
  ) {
    rtcp.on('message', (msg, rinfo) => {
      if (parseRtcpCompound(msg).length === 0) return;
      this.listeners.get(`${plainIp(rinfo.address)}:${rinfo.port}`)?.();
    });
    for (const s of [rtp, rtcp]) s.on('error', (err) => log.warn({ err }, 'rtsp udp socket error'));
    rtp.on('message', () => {}); // NAT keep-alive punches from clients: nothing to do
  }

  /** Binds RTP on `rtpPort` (even; 0 = any free even port) and RTCP on rtpPort + 1. */
  static async open(host: string, rtpPort: number, log: Logger): Promise<UdpPair> {
    const type: SocketType = host.includes(':') ? 'udp6' : 'udp4';
    let lastErr: unknown;
    for (let i = 0; i < (rtpPort === 0 ? ATTEMPTS : 1); i++) {
      let rtp: Socket | null = null;
      try {
        rtp = await bind(type, host, rtpPort);
        const port = rtp.address().port;
        if (port % 2 !== 0 || port === 65535) throw new Error('odd RTP port');
        const rtcp = await bind(type, host, port + 1);
        return new UdpPair(rtp, rtcp, type === 'udp4', log);
      } catch (err) {
        lastErr = err;
        rtp?.close();
      }
    }
    throw new Error(`could not bind an RTP/RTCP UDP port pair on ${host}: ${String(lastErr)}`);
  }

  get ports(): [number, number] {
    return [this.rtp.address().port, this.rtcp.address().port];
  }

  /** The address to send to: IPv4-mapped addresses work only on a dual-stack socket. */
  destination(ip: string): string {
    return this.v4 ? plainIp(ip) : ip.includes(':') ? ip : `::ffff:${ip}`;
  }

  onRtcpFrom(ip: string, port: number, cb: () => void): () => void {
    const key = `${plainIp(ip)}:${port}`;
    this.listeners.set(key, cb);
    return () => {
      if (this.listeners.get(key) === cb) this.listeners.delete(key);
    };
  }

  sendRtp(parts: Buffer[], port: number, ip: string): void {
    this.rtp.send(parts, port, ip, this.onSent);
  }

  sendRtcp(buf: Buffer, port: number, ip: string): void {
    this.rtcp.send(buf, port, ip, this.onSent);
  }

  close(): void {
    this.listeners.clear();
    for (const s of [this.rtp, this.rtcp]) {
      try {
        s.close();
      } catch {
        // already closed
      }
    }
  }
}
