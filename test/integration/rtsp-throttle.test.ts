// A partner's bandwidth cap and the abuse monitor's throttle on live RTSP: the server
// cannot slow a live stream down, so an over-budget partner loses video up to the next
// keyframe; it gets roughly its allowed rate and a stream that still decodes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerCreateSchema, TokenCreateSchema } from '../../media-core/contracts/partner-requests';
import { createPartnerAccess, type PartnerAccess } from '../../media-core/core/partner-access';
import { openDatabase, type Db } from '../../media-core/db/database';
import { SettingsRepo } from '../../media-core/db/repos/settings';
import { silentLogger } from '../../media-core/log/logger';
import { SecretBox } from '../../media-core/cameras/secret-box';
import { RtspServer } from '../../media-core/servers/rtsp';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { RawRtspClient, playTcp } from './rtsp-harness-client';
import { FFMPEG, run } from './rtsp-harness-tools';

const WARMUP_MS = 1_500;
const MEASURE_MS = 5_000;

let cam: LiveCamera;
let db: Db;
let plane: PartnerAccess;
let server: RtspServer;
let port: number;

beforeAll(async () => {
  // One-second GOPs at a steady ~800 kbit/s, so a few seconds hold several keyframes.
  cam = await startLiveCamera('cam1', { fps: 15, gop: 15, videoArgs: ['-b:v', '800k', '-maxrate', '800k', '-bufsize', '400k'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'wink-rtsp-throttle-'));
  db = openDatabase(join(dataDir, 'wink.db'), silentLogger());
  const digestBox = SecretBox.openOrCreate(join(dataDir, 'source-key'));
  plane = createPartnerAccess({ db, dataDir, settings: new SettingsRepo(db), log: silentLogger(), knownCameras: () => ['cam1'], muxerFor: () => undefined, digestBox });
  server = new RtspServer({ access: plane.access, source: (id) => (id === 'cam1' ? cam.stream : undefined), log: silentLogger() });
  port = Number((await server.listen('127.0.0.1', 0)).split(':').pop());
}, 30_000);

afterAll(async () => {
  await server?.close();
  plane?.stop();
  db?.close();
  await cam?.stop();
});

const url = (token: string) => `rtsp://127.0.0.1:${port}/cam1?token=${token}`;

async function partner(name: string, bandwidthMbps: number | null) {
  const { partner } = await plane.console.partners.create(PartnerCreateSchema.parse({ name, cameras: ['cam1'], auth: ['otp'], bandwidthMbps }));
  const token = () => plane.console.partners.createToken(partner.id, TokenCreateSchema.parse({ minutes: 10 }))!.token;
  return { id: partner.id, token };
}

/** RTP bytes per second a raw TCP client receives, after the opening GOP burst. */
async function receivedRates(urls: string[]): Promise<number[]> {
  const clients = await Promise.all(urls.map(() => RawRtspClient.connect(port)));
  try {
    const bytes = clients.map(() => 0);
    let counting = false;
    clients.forEach((c, i) => {
      c.onFrame = (channel, data) => {
        if (counting && channel % 2 === 0) bytes[i]! += data.length;
      };
    });
    await Promise.all(clients.map((c, i) => playTcp(c, urls[i]!)));
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    counting = true;
    await new Promise((r) => setTimeout(r, MEASURE_MS));
    return bytes.map((b) => b / (MEASURE_MS / 1000));
  } finally {
    for (const c of clients) c.close();
  }
}

describe('bandwidth budget on live RTSP', () => {
  let streamRate = 0;

  it('a partner capped well above the stream receives the full rate', async () => {
    const free = await partner('Uncapped VMS', null);
    const roomy = await partner('Roomy VMS', 100);
    const dropped = server.stats().droppedAccessUnits;
    const [freeRate, roomyRate] = await receivedRates([url(free.token()), url(roomy.token())]);
    streamRate = freeRate!;
    console.log(`rtsp throttle: uncapped ${Math.round(freeRate! / 1000)} kB/s, 100 Mbit/s cap ${Math.round(roomyRate! / 1000)} kB/s`);
    expect(freeRate).toBeGreaterThan(20_000);
    expect(roomyRate! / freeRate!).toBeGreaterThan(0.85);
    expect(server.stats().droppedAccessUnits).toBe(dropped);
  }, 30_000);

  it('the abuse monitor’s 50 % throttle halves what a partner capped near the stream rate receives, and ffmpeg still decodes it', async () => {
    expect(streamRate).toBeGreaterThan(0);
    const free = await partner('Reference VMS', null);
    const throttled = await partner('Throttled VMS', (streamRate * 8) / 1_000_000);
    plane.access.bandwidth.setMultiplier(throttled.id, 0.5);
    const dropped = server.stats().droppedAccessUnits;
    const [freeRate, throttledRate] = await receivedRates([url(free.token()), url(throttled.token())]);
    const ratio = throttledRate! / freeRate!;
    console.log(`rtsp throttle: reference ${Math.round(freeRate! / 1000)} kB/s, throttled ${Math.round(throttledRate! / 1000)} kB/s (ratio ${ratio.toFixed(2)}), ${server.stats().droppedAccessUnits - dropped} AUs dropped`);
    expect(ratio).toBeLessThan(0.7);
    expect(ratio).toBeGreaterThan(0.1);
    expect(server.stats().droppedAccessUnits).toBeGreaterThan(dropped);

    const before = server.stats().droppedAccessUnits;
    const decoded = await run(FFMPEG, ['-hide_banner', '-v', 'error', '-rtsp_transport', 'tcp', '-i', url(throttled.token()), '-t', '6', '-f', 'null', '-']);
    console.log(`rtsp throttle: ffmpeg decoded with ${server.stats().droppedAccessUnits - before} AUs dropped; stderr: ${JSON.stringify(decoded.stderr)}`);
    expect(decoded.code).toBe(0);
    expect(decoded.stderr).toBe('');
    expect(server.stats().droppedAccessUnits).toBeGreaterThan(before);
    plane.access.bandwidth.setMultiplier(throttled.id, 1);
  }, 40_000);
});
