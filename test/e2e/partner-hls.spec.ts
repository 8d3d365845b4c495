import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT, expect, test, type RunningCore } from './fixtures/core';

// A partner's own web page on another origin: hls.js in Chromium plays a camera from the
// partner listener with nothing but an OTP token in the URL.

const HLS_JS = readFileSync(join(REPO_ROOT, 'node_modules/hls.js/dist/hls.min.js'));
const PAGE = `<!doctype html><meta charset="utf-8"><title>partner player</title>
<video id="v" muted autoplay playsinline width="640"></video>
<script src="/hls.min.js"></script>
<script>
  window.playerErrors = [];
  window.play = (url) => {
    const hls = new Hls({ lowLatencyMode: false });
    hls.on(Hls.Events.ERROR, (_e, d) => { if (d.fatal) window.playerErrors.push(d.details + ':' + (d.response && d.response.code)); });
    hls.loadSource(url);
    hls.attachMedia(document.getElementById('v'));
  };
</script>`;

/** Serves the partner's page (and hls.js) from http://127.0.0.1:<port>. */
function partnerSite(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/hls.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(HLS_JS);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

async function consoleApi<T>(core: RunningCore, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(new URL(path, core.consoleUrl), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

test.describe('partner HLS in a browser', () => {
  test('hls.js plays a partner stream with a token, and stops when the token is revoked', async ({ page, core }) => {
    const site = await partnerSite();
    try {
      const { token: session } = await consoleApi<{ token: string }>(core, null, 'POST', '/api/v1/auth/login', { username: core.adminUsername, password: core.adminPassword });
      const { partner } = await consoleApi<{ partner: { id: string } }>(core, session, 'POST', '/api/v1/partners', {
        name: 'Web news desk',
        type: 'news_media',
        cameras: ['demo-1'],
        auth: ['otp'],
        allowedOrigins: [site.origin],
      });
      const made = await consoleApi<{ token: string; info: { id: string } }>(core, session, 'POST', `/api/v1/partners/${partner.id}/tokens`, {});
      const partnerPort = core.listen.http!.split(':').pop();
      const url = `http://127.0.0.1:${partnerPort}/hls/demo-1/playlist.m3u8?token=${made.token}`;

      // A just-started core has no segments yet; a player arrives once the camera is live.
      await expect.poll(async () => (await fetch(url)).status, { message: 'demo-1 is live', timeout: 60_000 }).toBe(200);
      await page.goto(site.origin);
      await page.evaluate((u) => (globalThis as unknown as { play(u: string): void }).play(u), url);
      const currentTime = () => page.locator('#v').evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
      const errors = () => page.evaluate(() => (globalThis as unknown as { playerErrors: string[] }).playerErrors);
      await expect.poll(async () => ((await errors()).length ? await errors() : await currentTime()), { message: 'the partner stream starts playing', timeout: 60_000 }).toBeGreaterThan(0);
      const t = await currentTime();
      await expect.poll(currentTime, { message: 'and keeps playing', timeout: 30_000 }).toBeGreaterThan(t + 2);
      expect(await errors()).toEqual([]);

      await consoleApi(core, session, 'DELETE', `/api/v1/partners/${partner.id}/tokens/${made.info.id}`);
      await expect
        .poll(async () => (await errors()).length, { message: 'the player is refused after revocation', timeout: 60_000 })
        .toBeGreaterThan(0);
      expect((await errors())[0]).toMatch(/:401$/);
    } finally {
      site.server.close();
    }
  });
});
