// A partner's bandwidth cap: delivery is paced so the partner's total rate, across all
// of its viewers, stays at the cap; the abuse monitor's runtime throttle halves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerCreateSchema } from '../../media-core/contracts/partner-requests';
import { getFrom, segmentUris, startPartnerHarness, type PartnerHarness } from './partner-harness';

const VIEWERS = 3;

describe('partner bandwidth cap', () => {
  let h: PartnerHarness;
  let token: string;
  let partnerId: string;
  let uris: string[];

  beforeAll(async () => {
    h = await startPartnerHarness({ cameras: ['cam-a'], seconds: 12 });
    const { partner } = await h.pa.partners.create(PartnerCreateSchema.parse({ name: 'Capped broadcaster', cameras: ['cam-a'], auth: ['otp'], bandwidthMbps: 4 }));
    partnerId = partner.id;
    token = h.pa.console.partners.createToken(partnerId, {})!.token;
    const pl = await getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${token}`);
    uris = segmentUris(pl.body.toString());
  });
  afterAll(() => h.close());

  /** Several viewers fetch segments until `totalBytes` arrived; the achieved rate. */
  async function measure(totalBytes: number): Promise<number> {
    let received = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: VIEWERS }, async (_, v) => {
        for (let i = 0; i < 500 && received < totalBytes; i++) {
          const r = await getFrom(`${h.base}/hls/cam-a/${uris[(i + v) % uris.length]}`, { localAddress: `127.0.1.${v + 1}` });
          expect(r.status).toBe(200);
          received += r.body.length;
        }
      }),
    );
    return (received * 8) / ((performance.now() - t0) / 1000);
  }

  it('keeps the partner’s total delivery rate within 10% of its cap', async () => {
    const bps = await measure(1_500_000);
    console.log(`bandwidth cap 4 Mbit/s, achieved ${(bps / 1e6).toFixed(2)} Mbit/s with ${VIEWERS} viewers`);
    expect(bps).toBeGreaterThan(4e6 * 0.9);
    expect(bps).toBeLessThan(4e6 * 1.1);
  });

  it('halves the rate when throttled at run time, without touching the configured cap', async () => {
    h.pa.access.bandwidth.setMultiplier(partnerId, 0.5);
    const bps = await measure(750_000);
    h.pa.access.bandwidth.setMultiplier(partnerId, 1);
    console.log(`throttled to 50%: achieved ${(bps / 1e6).toFixed(2)} Mbit/s`);
    expect(bps).toBeGreaterThan(2e6 * 0.9);
    expect(bps).toBeLessThan(2e6 * 1.1);
    expect(h.pa.partners.get(partnerId)?.bandwidthMbps).toBe(4);
  });
});
