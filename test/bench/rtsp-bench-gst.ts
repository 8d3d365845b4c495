// Benchmark support: Debian's GStreamer RTSP server (python3-gi + gir1.2-gst-rtsp-server)
// serving the same live MPEG-TS, fed over UDP on loopback, for a side-by-side figure.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createInterface } from 'node:readline';

const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

const SERVER_SCRIPT = `
import sys, gi
gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import Gst, GstRtspServer, GLib
Gst.init(None)
rtsp_port, udp_port = sys.argv[1], int(sys.argv[2])
server = GstRtspServer.RTSPServer()
server.set_address('127.0.0.1')
server.set_service(rtsp_port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch('( udpsrc address=127.0.0.1 port=%d buffer-size=4194304 caps="video/mpegts,systemstream=(boolean)true,packetsize=(int)188" '
                   '! tsdemux latency=0 ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1 )' % udp_port)
factory.set_shared(True)
server.get_mount_points().add_factory('/cam1', factory)
server.attach(None)
print('ready', flush=True)
GLib.MainLoop().run()
`;

export interface GstRtsp {
  process: ChildProcess;
  url: string;
  /** Hands it the same ingest bytes the hub gets. */
  feed(chunk: Buffer): void;
  stop(): Promise<void>;
}

export async function available(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn(PYTHON, ['-c', "import gi; gi.require_version('GstRtspServer','1.0'); from gi.repository import GstRtspServer"], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}

export async function startGstRtsp(rtspPort: number, udpPort: number): Promise<GstRtsp> {
  const child = spawn(PYTHON, ['-c', SERVER_SCRIPT, String(rtspPort), String(udpPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('gst-rtsp-server did not start')), 15_000);
    createInterface({ input: child.stdout! }).once('line', () => {
      clearTimeout(t);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`gst-rtsp-server exited ${code}`)));
  });
  const udp = createSocket('udp4');
  let pending: Buffer = Buffer.alloc(0);
  let stopped = false;
  return {
    process: child,
    url: `rtsp://127.0.0.1:${rtspPort}/cam1`,
    feed: (chunk) => {
      if (stopped) return;
      // Whole TS packets at once (up to seven per datagram, as ffmpeg's udp output does);
      // only a partial packet waits for the next chunk, so gst is not held back.
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let off = 0;
      while (pending.length - off >= 188) {
        const n = Math.min(7, Math.floor((pending.length - off) / 188)) * 188;
        udp.send(pending.subarray(off, off + n), udpPort, '127.0.0.1');
        off += n;
      }
      pending = pending.subarray(off);
    },
    stop: async () => {
      stopped = true;
      udp.close();
      child.kill('SIGKILL');
      await exited;
    },
  };
}
