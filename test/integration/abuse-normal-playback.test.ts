// No false alarms: several players of one partner watching live HLS the way hls.js
// does, for minutes of stream time (the clock moves a segment at a time instead of
// waiting for it), must not raise a single alert with the default thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAbuseHarness, type AbuseHarness } from './abuse-harness';
import { BROWSER_UA, SimPlayer } from './abuse-players';

const SAFARI_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const FIREFOX_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
/** Segments of stream time: 100 × 2 s, over three minutes. */
const STEPS = 100;

describe('abuse monitor: normal playback', () => {
  let h: AbuseHarness;

  beforeAll(async () => {
    h = await startAbuseHarness({ seconds: 2 * STEPS + 30 });
  }, 60_000);
  afterAll(() => h?.close());

  it('raises no alert for four players of one partner over minutes of live playback', async () => {
    const p = await h.createPartner({ name: 'City Portal', type: 'news_media', cameras: ['cam-a', 'cam-b'], auth: ['otp'], bandwidthMbps: 50 });
    const players = [
      new SimPlayer(h.base, 'cam-a', h.token(p.id), '127.0.0.111', BROWSER_UA),
      new SimPlayer(h.base, 'cam-a', h.token(p.id), '127.0.0.112', SAFARI_UA),
      new SimPlayer(h.base, 'cam-b', h.token(p.id), '127.0.0.113', FIREFOX_UA),
    ];
    // Joins a minute later, the way a viewer opening the page does.
    const late = new SimPlayer(h.base, 'cam-b', h.token(p.id), '127.0.0.114', BROWSER_UA);
    for (let step = 0; step < STEPS; step++) {
      if (step === 30) players.push(late);
      // hls.js reloads an unchanged live playlist after half a target duration.
      h.advance(1000);
      for (const pl of players.slice(0, 2)) await pl.poll();
      h.advance(1000);
      for (const f of h.feeds.values()) expect(f.step()).toBe(true);
      for (const pl of players) await pl.poll();
      if (step % 5 === 4) h.abuse.inputs.sampleNow();
      if (step % 3 === 2) h.abuse.service.monitor.tick();
    }
    for (const pl of players) expect(pl.failures).toEqual([]);
    // Every player got (nearly) every segment once: 3 at the start, then one per step.
    expect(players[0]!.segments).toBeGreaterThanOrEqual(STEPS);
    expect(late.segments).toBeGreaterThanOrEqual(STEPS - 30);
    expect(await h.alerts()).toEqual([]);
    expect((await h.api<{ unread: number }>('GET', '/api/v1/alerts/unread-count')).body).toEqual({ unread: 0 });
  }, 120_000);
});
