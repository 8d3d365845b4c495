// Test support: partner clients on loopback addresses, as players and misbehaving
// scripts would make their requests.
import { getFrom, type Fetched } from './partner-harness';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export function get(base: string, path: string, ip: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return getFrom(`${base}${path}`, { localAddress: ip, headers: { 'user-agent': BROWSER_UA, ...headers } });
}

export const playlistPath = (camera: string, token: string) => `/hls/${camera}/playlist.m3u8?token=${encodeURIComponent(token)}`;

/** Segment URIs of a playlist, oldest first (they carry the token already). */
export function segmentUris(playlist: string): string[] {
  return playlist.split('\n').filter((l) => l.startsWith('seg-'));
}

/**
 * A live HLS player as hls.js behaves by default: it starts three segments from the live
 * edge, then reloads the playlist about once per target duration and fetches every new
 * segment exactly once.
 */
export class SimPlayer {
  private readonly fetched = new Set<string>();
  bytes = 0;
  segments = 0;
  failures: number[] = [];

  constructor(
    private readonly base: string,
    private readonly camera: string,
    private readonly token: string,
    readonly ip: string,
    private readonly ua = BROWSER_UA,
  ) {}

  async poll(): Promise<void> {
    const pl = await get(this.base, playlistPath(this.camera, this.token), this.ip, { 'user-agent': this.ua });
    if (pl.status !== 200) {
      this.failures.push(pl.status);
      return;
    }
    const uris = segmentUris(pl.body.toString());
    const todo = this.fetched.size === 0 ? uris.slice(-3) : uris.filter((u) => !this.fetched.has(u.split('?')[0]!));
    for (const uri of todo.slice(0, 8)) {
      const name = uri.split('?')[0]!;
      const seg = await get(this.base, `/hls/${this.camera}/${uri}`, this.ip, { 'user-agent': this.ua });
      if (seg.status !== 200) {
        this.failures.push(seg.status);
        continue;
      }
      this.fetched.add(name);
      this.bytes += seg.body.length;
      this.segments++;
    }
  }
}
