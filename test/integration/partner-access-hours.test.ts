// Access hours: weekly windows in the partner's named time zone, enforced per request
// and on running sessions, checked with an injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerCreateSchema } from '../../media-core/contracts/partner-requests';
import { getFrom, startPartnerHarness, type PartnerHarness } from './partner-harness';

// Mon-Fri 08:00-18:00 in New York.
const OFFICE = { mode: 'weekly', timeZone: 'America/New_York', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' }] } as const;
const MONDAY_NOON_NY = Date.parse('2024-03-04T17:00:00Z');
const MONDAY_17_59_NY = Date.parse('2024-03-04T22:59:00Z');
const MONDAY_18_01_NY = Date.parse('2024-03-04T23:01:00Z');
const SATURDAY_NOON_NY = Date.parse('2024-03-09T17:00:00Z');

describe('partner access hours', () => {
  let h: PartnerHarness;
  let token: string;
  let partnerId: string;

  beforeAll(async () => {
    h = await startPartnerHarness({ cameras: ['cam-a'], seconds: 8 });
    h.setClock(MONDAY_NOON_NY);
    const { partner } = await h.pa.partners.create(
      PartnerCreateSchema.parse({ name: 'Office hours agency', cameras: ['cam-a'], auth: ['otp'], accessHours: OFFICE, tokenMaxMinutes: 7 * 24 * 60 }),
    );
    partnerId = partner.id;
    token = h.pa.console.partners.createToken(partnerId, { minutes: 7 * 24 * 60 })!.token;
  });
  afterAll(() => h.close());

  const playlist = () => getFrom(`${h.base}/hls/cam-a/playlist.m3u8?token=${token}`);

  it('serves inside the window', async () => {
    h.setClock(MONDAY_NOON_NY);
    expect((await playlist()).status).toBe(200);
  });

  it('refuses on a day without a window, with the generic 403', async () => {
    h.setClock(SATURDAY_NOON_NY);
    const r = await playlist();
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body.toString())).toEqual({ error: { code: 'FORBIDDEN', message: 'Access denied' } });
    expect(h.pa.console.audit.decisions({ limit: 1, partner: partnerId, result: 'deny' }).items[0]?.code).toBe('outside_access_hours');
  });

  it('ends a running session when the window closes, and refuses its next request', async () => {
    h.setClock(MONDAY_17_59_NY);
    expect((await playlist()).status).toBe(200);
    const running = h.pa.access.listSessions().find((s) => s.partnerId === partnerId);
    expect(running).toBeDefined();

    h.setClock(MONDAY_18_01_NY);
    h.pa.access.sweepNow();
    expect(h.pa.access.listSessions().some((s) => s.partnerId === partnerId)).toBe(false);
    expect((await playlist()).status).toBe(403);
    const ended = h.pa.console.audit.sessions({ limit: 10, partner: partnerId }).items.find((s) => s.id === running!.id);
    expect(ended?.endReason).toBe('outside_access_hours');
  });
});
