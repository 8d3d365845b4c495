import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFrom, startPartnerHarness, type PartnerHarness } from '../../test/integration/partner-harness';
import type { Camera } from '../contracts/api';
import type { AuditDecisionRow } from '../contracts/audit';
import { createBlackoutWiring, type BlackoutWiring } from './blackout-wiring';

/** The camera service's part: a flag per camera. */
function flags() {
  const on = new Set<string>();
  return {
    setBlackout: (id: string, value: boolean): Camera | undefined => {
      if (id === 'unknown') return undefined;
      if (value) on.add(id);
      else on.delete(id);
      return { id, blackout: value } as Camera;
    },
    isBlackedOut: (id: string) => on.has(id),
  };
}

describe('privacy blackout on the access plane', () => {
  let h: PartnerHarness;
  let wiring: BlackoutWiring;
  let token: string;

  beforeAll(async () => {
    h = await startPartnerHarness({ cameras: ['cam-a', 'cam-b'], seconds: 6 });
    wiring = createBlackoutWiring(flags(), h.pa.access);
    const { partner } = await h.pa.partners.create({ name: 'News desk', type: 'news_media', cameras: ['cam-a', 'cam-b'], auth: ['otp'] });
    token = h.pa.console.partners.createToken(partner.id, {})!.token;
  }, 120_000);
  afterAll(async () => {
    wiring.stop();
    await h?.close();
  });

  const playlist = (camera: string) => getFrom(`${h.base}/hls/${camera}/playlist.m3u8?token=${token}`);
  const sessionsOn = (camera: string) => h.pa.access.listSessions().filter((s) => s.camera === camera);

  it('ends every running partner session to the camera at once, and only to that camera', async () => {
    expect((await playlist('cam-a')).status).toBe(200);
    expect((await playlist('cam-b')).status).toBe(200);
    expect(sessionsOn('cam-a')).toHaveLength(1);

    wiring.console.set('cam-a', true);

    expect(sessionsOn('cam-a')).toEqual([]);
    expect(sessionsOn('cam-b')).toHaveLength(1);
  });

  it('refuses partners while it lasts, with its own code in the audit trail', async () => {
    expect((await playlist('cam-a')).status).toBe(403);
    expect((await playlist('cam-b')).status).toBe(200);

    const denied = h.pa.console.audit.decisions({ camera: 'cam-a', result: 'deny', limit: 5 }).items as AuditDecisionRow[];
    expect(denied[0]).toMatchObject({ code: 'camera_blackout', protocol: 'hls' });
    const ended = h.pa.console.audit.sessions({ camera: 'cam-a', limit: 5 }).items;
    expect(ended[0]?.endReason).toBe('camera_blackout');
  });

  it('lets partners back in once lifted', async () => {
    wiring.console.set('cam-a', false);
    expect((await playlist('cam-a')).status).toBe(200);
  });

  it('does nothing for an unknown camera', () => {
    expect(wiring.console.set('unknown', true)).toBeUndefined();
  });
});
