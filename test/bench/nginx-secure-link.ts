// Bench support: Debian's nginx serving the same HLS files with `secure_link` (an
// MD5-signed, expiring URL per file), as the reference for the core's full-auth path.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';
const SECRET = 'bench-secret';

export function nginxAvailable(): boolean {
  const r = spawnSync(NGINX, ['-V'], { encoding: 'utf8' });
  return r.status === 0 && r.stderr.includes('--with-http_secure_link_module');
}

/** The `?md5=…&expires=…` of nginx's secure_link_md5 "$secure_link_expires$uri secret". */
export function secureQuery(uri: string, expires: number): string {
  const md5 = createHash('md5').update(`${expires}${uri} ${SECRET}`).digest('base64url');
  return `md5=${md5}&expires=${expires}`;
}

export interface NginxSite {
  base: string;
  playlistUrl: string;
  stop(): Promise<void>;
}

/** Writes the segments and a playlist whose every URI is signed, and runs nginx with one
 *  worker (the core is one Node process) on 127.0.0.1. */
export async function startNginx(camera: string, segments: { name: string; data: Buffer; duration: number }[], workers = 1): Promise<NginxSite> {
  const dir = mkdtempSync(join(tmpdir(), 'wink-nginx-'));
  const root = join(dir, 'www');
  mkdirSync(join(root, 'hls', camera), { recursive: true });
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0'];
  for (const s of segments) {
    writeFileSync(join(root, 'hls', camera, s.name), s.data);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`, `${s.name}?${secureQuery(`/hls/${camera}/${s.name}`, expires)}`);
  }
  writeFileSync(join(root, 'hls', camera, 'playlist.m3u8'), `${lines.join('\n')}\n`);
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `
user root;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location /hls/ {
      secure_link $arg_md5,$arg_expires;
      secure_link_md5 "$secure_link_expires$uri ${SECRET}";
      if ($secure_link = "") { return 403; }
      if ($secure_link = "0") { return 410; }
      add_header Cache-Control no-cache;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const playlistUrl = `${base}/hls/${camera}/playlist.m3u8?${secureQuery(`/hls/${camera}/playlist.m3u8`, expires)}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(playlistUrl)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    playlistUrl,
    stop: async () => {
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
