// The console API for partners, tokens, sessions, limits and the audit trail, against a
// running core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDecisionRow, AuditPage } from '../../media-core/contracts/audit';
import type { AccessLimits, Partner, PartnerCredentials, PartnerPreset, SessionView, TokenCreated, TokenView } from '../../media-core/contracts/partners';
import { getFrom, postFrom } from './partner-harness';
import { startCoreWithApis, type CoreWithApis } from './partner-core-client';

describe('console API: partners and audit', () => {
  let c: CoreWithApis;

  beforeAll(async () => {
    c = await startCoreWithApis();
  });
  afterAll(() => c?.core.stop());

  it('lists the spec’s presets and fills a new partner from its type’s preset', async () => {
    const presets = (await c.api<PartnerPreset[]>('GET', '/api/v1/partners/presets')).body;
    expect(presets.map((p) => p.type)).toEqual(['news_media', 'partner_agency_vms', 'emergency_operations', 'temporary_event', 'other']);

    const news = await c.createPartner({ name: 'Metro TV', type: 'news_media', cameras: ['demo-1'], auth: ['otp'], contactEmail: 'noc@metro.example' });
    expect(news.partner).toMatchObject({ tokenDefaultMinutes: 30, bandwidthMbps: 10, status: 'active', contactEmail: 'noc@metro.example' });
    expect(news.credentials.apiuser).toBe(news.partner.apiUser);
    expect(news.credentials.apipass.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(news.partner)).not.toContain(news.credentials.apipass);

    const event = await c.createPartner({ name: 'Marathon 2024', type: 'temporary_event', cameras: ['demo-1'], auth: 'otp' });
    expect(event.partner).toMatchObject({ tokenDefaultMinutes: 60, autoRevoke: true });
    const vms = await c.createPartner({ name: 'County VMS', type: 'partner_agency_vms', cameras: ['demo-2'], auth: ['ip'], ipAllowList: ['10.0.0.0/24'] });
    expect(vms.partner).toMatchObject({ maxConnections: 25, ipAllowList: ['10.0.0.0/24'] });
  });

  it('refuses bad partner fields with every problem named', async () => {
    const r = await c.api<{ error: { code: string; message: string } }>('POST', '/api/v1/partners', {
      name: '',
      cameras: ['demo-1', 'no-such-camera'],
      auth: ['telepathy'],
      ipAllowList: ['10.0.0.300/24'],
      accessHours: { mode: 'weekly', timeZone: 'Mars/Olympus', windows: [] },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    for (const field of ['name', 'auth', 'ipAllowList', 'accessHours']) expect(r.body.error.message).toContain(field);
    const unknownCam = await c.api<{ error: { message: string } }>('POST', '/api/v1/partners', { name: 'X', cameras: ['no-such-camera'], auth: ['otp'] });
    expect(unknownCam.status).toBe(400);
    expect(unknownCam.body.error.message).toMatch(/no such camera: no-such-camera/);
  });

  it('updates, suspends and deletes a partner', async () => {
    const { partner } = await c.createPartner({ name: 'Short lived', cameras: ['demo-1'], auth: ['otp'] });
    const patched = await c.api<Partner>('PATCH', `/api/v1/partners/${partner.id}`, {
      status: 'suspended',
      accessHours: { mode: 'weekly', timeZone: 'Europe/Berlin', windows: [{ days: ['mon'], start: '08:00', end: '12:00' }] },
      allowedOrigins: ['https://viewer.example'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'suspended', allowedOrigins: ['https://viewer.example'] });
    expect((await c.api('GET', `/api/v1/partners/${partner.id}`)).status).toBe(200);
    expect((await c.api('DELETE', `/api/v1/partners/${partner.id}`)).status).toBe(204);
    expect((await c.api('GET', `/api/v1/partners/${partner.id}`)).status).toBe(404);
    expect((await c.api<Partner[]>('GET', '/api/v1/partners')).body.some((p) => p.id === partner.id)).toBe(false);
  });

  it('rotates API credentials: the old password stops working, the new one works', async () => {
    const { partner, credentials } = await c.createPartner({ name: 'Rotating', cameras: ['demo-1'], auth: ['otp'] });
    const otp = (creds: PartnerCredentials, from: string) =>
      postFrom(`${c.partnerBase}/otp/api/`, new URLSearchParams({ ...creds, action: 'create' }).toString(), { localAddress: from });
    expect((await otp(credentials, '127.0.0.21')).status).toBe(200);
    const rotated = await c.api<PartnerCredentials>('POST', `/api/v1/partners/${partner.id}/credentials`, {});
    expect(rotated.body.apiuser).toBe(credentials.apiuser);
    expect(rotated.body.apipass).not.toBe(credentials.apipass);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect((await otp(credentials, '127.0.0.21')).status).toBe(401);
    expect((await otp(rotated.body, '127.0.0.21')).status).toBe(200);
  });

  it('issues, lists and revokes tokens, showing ids and never the token again', async () => {
    const { partner } = await c.createPartner({ name: 'Token holder', cameras: ['demo-1', 'demo-2'], auth: ['otp'] });
    const made = await c.api<TokenCreated>('POST', `/api/v1/partners/${partner.id}/tokens`, { minutes: 15, hashType: 'alphanumeric', hashLength: 24, cameras: ['demo-2'] });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(made.body.info).toMatchObject({ cameras: ['demo-2'], status: 'active', hashType: 'alphanumeric', length: 24 });
    const list = (await c.api<TokenView[]>('GET', `/api/v1/partners/${partner.id}/tokens`)).body;
    expect(list.map((t) => t.id)).toEqual([made.body.info.id]);
    expect(JSON.stringify(list)).not.toContain(made.body.token);
    const tooLong = await c.api<{ error: { message: string } }>('POST', `/api/v1/partners/${partner.id}/tokens`, { minutes: 100_000 });
    expect(tooLong.status).toBe(400);
    const revoked = await c.api<TokenView>('DELETE', `/api/v1/partners/${partner.id}/tokens/${made.body.info.id}`);
    expect(revoked.body.status).toBe('revoked');
  });

  it('shows running sessions and lets an operator end one', async () => {
    const { partner } = await c.createPartner({ name: 'Session viewer', cameras: ['demo-1'], auth: ['otp'] });
    const { token } = (await c.api<TokenCreated>('POST', `/api/v1/partners/${partner.id}/tokens`, {})).body;
    await c.waitForPlaylist('demo-1', `token=${token}`);
    const sessions = (await c.api<SessionView[]>('GET', `/api/v1/sessions?partner=${partner.id}`)).body;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ camera: 'demo-1', protocol: 'hls', ip: '127.0.0.1', method: 'otp' });
    expect((await c.api('DELETE', `/api/v1/sessions/${sessions[0]!.id}`)).status).toBe(204);
    expect((await c.api<SessionView[]>('GET', `/api/v1/sessions?partner=${partner.id}`)).body).toHaveLength(0);
  });

  it('reads and changes the appliance-wide limits, with the spec’s numbers as defaults', async () => {
    const limits = (await c.api<AccessLimits>('GET', '/api/v1/access/limits')).body;
    expect(limits).toMatchObject({ authPerSec: 1, authBurst: 5, segmentsPerSec: 100, connectionsPerIp: 25 });
    const changed = await c.api<AccessLimits>('PUT', '/api/v1/access/limits', { connectionsPerIp: 30 });
    expect(changed.body.connectionsPerIp).toBe(30);
    expect((await c.api('PUT', '/api/v1/access/limits', { connectionsPerIp: 0 })).status).toBe(400);
    await c.api('PUT', '/api/v1/access/limits', { connectionsPerIp: 25 });
  });

  it('filters and pages the audit trail and exports it as CSV and JSON lines', async () => {
    for (let i = 0; i < 3; i++) await getFrom(`${c.partnerBase}/hls/demo-1/playlist.m3u8?token=1111111111111111111${i}`, { localAddress: '127.0.0.88', headers: { 'user-agent': '=HYPERLINK("x")' } });
    const page1 = (await c.api<AuditPage<AuditDecisionRow>>('GET', '/api/v1/audit/decisions?ip=127.0.0.88&result=deny&limit=2')).body;
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((d) => d.code === 'token_unknown' && d.protocol === 'hls' && d.camera === 'demo-1')).toBe(true);
    const page2 = (await c.api<AuditPage<AuditDecisionRow>>('GET', `/api/v1/audit/decisions?ip=127.0.0.88&result=deny&limit=2&before=${page1.next}`)).body;
    expect(page2.items).toHaveLength(1);
    expect(page2.next).toBeNull();
    const future = (await c.api<AuditPage<AuditDecisionRow>>('GET', `/api/v1/audit/decisions?ip=127.0.0.88&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body;
    expect(future.items).toHaveLength(0);

    const csv = await c.api<string>('GET', '/api/v1/audit/decisions/export?ip=127.0.0.88&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="wink-audit-decisions-.*\.csv"/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,protocol,camera,ip,userAgent,partnerId,partnerName,tokenId,method,kind,result,code,reason,sessionId');
    expect(lines).toHaveLength(4);
    // A user agent that looks like a spreadsheet formula is defused.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);

    const jsonl = await c.api<string>('GET', '/api/v1/audit/decisions/export?ip=127.0.0.88&format=jsonl');
    const rows = jsonl.body.trim().split('\n').map((l) => JSON.parse(l) as AuditDecisionRow);
    expect(rows.map((r) => r.code)).toEqual(['token_unknown', 'token_unknown', 'token_unknown']);

    const sessionsCsv = await c.api<string>('GET', '/api/v1/audit/sessions/export');
    expect(sessionsCsv.body.split('\r\n')[0]).toBe('id,partnerId,partnerName,tokenId,method,camera,protocol,ip,userAgent,startedAt,lastSeenAt,endedAt,bytes,requests,endReason');
  });

  it('needs an operator session for every partner and audit route', async () => {
    for (const path of ['/api/v1/partners', '/api/v1/audit/decisions', '/api/v1/sessions', '/api/v1/access/limits']) {
      expect((await fetch(new URL(path, c.core.consoleUrl))).status).toBe(401);
    }
  });
});
