// The partner OTP API exactly as the spec shows it, against a running core, with the
// spec's own curl lines (only the host, and the example token, replaced).
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFrom } from './partner-harness';
import { startCoreWithApis, type CoreWithApis } from './partner-core-client';

const SPEC_HOST = 'https://router.agency.gov';
const SPEC_TOKEN = '24814928371014572819';
// The spec prints these as one line each with "\" continuations; here they keep their
// line breaks so the shell reads them as the document meant.
const SPEC_CREATE = `curl -d "apiuser=partner_api&apipass=secure_password&action=create&duration=10&hash_type=numeric&hash_length=20" \\
  -X POST https://router.agency.gov/otp/api/`;
const SPEC_EXTEND = `curl -d "apiuser=partner_api&apipass=secure_password&action=extend&token=24814928371014572819&duration=15" \\
  -X POST https://router.agency.gov/api/v1/otp/`;
const SPEC_TOKENINFO = `curl -d "apiuser=partner_api&apipass=secure_password&action=tokeninfo&token=24814928371014572819" \\
  -X POST https://router.agency.gov/api/v1/otp/`;

function sh(command: string): Promise<string> {
  return new Promise((resolve, reject) => execFile('sh', ['-c', command], { timeout: 20_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))));
}

describe('partner OTP API', () => {
  let c: CoreWithApis;
  let token = '';
  const local = (line: string) => line.replaceAll(SPEC_HOST, c.partnerBase).replaceAll(SPEC_TOKEN, token);
  const otp = (fields: Record<string, string>, from: string) => postFrom(`${c.partnerBase}/otp/api/`, new URLSearchParams(fields).toString(), { localAddress: from });

  beforeAll(async () => {
    c = await startCoreWithApis();
    const { partner } = await c.createPartner({ name: 'Partner API', type: 'news_media', cameras: ['demo-1'], auth: ['otp'] });
    const creds = await c.api('POST', `/api/v1/partners/${partner.id}/credentials`, { apiuser: 'partner_api', apipass: 'secure_password' });
    expect(creds.body).toEqual({ apiuser: 'partner_api', apipass: 'secure_password' });
  });
  afterAll(() => c?.core.stop());

  it('creates a token with the spec’s curl line and answers the token alone as text', async () => {
    token = await sh(local(SPEC_CREATE));
    expect(token).toMatch(/^\d{20}$/);
  });

  it('plays the camera with the token appended to the stream URL', async () => {
    const playlist = await c.waitForPlaylist('demo-1', `token=${token}`);
    expect(playlist).toContain(`.ts?token=${token}`);
  });

  it('extends the token with the spec’s curl line', async () => {
    const answer = JSON.parse(await sh(local(SPEC_EXTEND)));
    expect(answer.seconds_remaining).toBeGreaterThan(24 * 60);
    expect(answer.seconds_remaining).toBeLessThanOrEqual(25 * 60);
  });

  it('reports the token with the spec’s curl line, including the addresses that used it', async () => {
    const info = JSON.parse(await sh(local(SPEC_TOKENINFO)));
    expect(info).toMatchObject({ partner: 'Partner API', status: 'active', cameras: ['demo-1'], ips: ['127.0.0.1'] });
    expect(info.token_id).toMatch(/^tok_/);
    expect(JSON.stringify(info)).not.toContain(token);
    expect(Date.parse(info.expires_at)).toBeGreaterThan(Date.parse(info.created_at));
  });

  it('takes JSON bodies too, on both paths', async () => {
    const r = await postFrom(`${c.partnerBase}/api/v1/otp/`, JSON.stringify({ apiuser: 'partner_api', apipass: 'secure_password', action: 'create', hash_type: 'hex', hash_length: 32, duration: 5 }), {
      json: true,
      localAddress: '127.0.0.11',
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.body.toString()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers wrong credentials, unknown actions and bad fields with stable 4xx codes', async () => {
    const from = '127.0.0.12';
    const wrongPass = await otp({ apiuser: 'partner_api', apipass: 'nope', action: 'create' }, from);
    const noUser = await otp({ apiuser: 'nobody', apipass: 'secure_password', action: 'create' }, from);
    expect(wrongPass.status).toBe(401);
    // An unknown user and a wrong password are the same answer.
    expect(noUser.body.toString()).toBe(wrongPass.body.toString());
    expect(JSON.parse(wrongPass.body.toString()).error.code).toBe('UNAUTHENTICATED');

    const from2 = '127.0.0.13';
    const unknownAction = await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'destroy' }, from2);
    expect(unknownAction.status).toBe(400);
    expect(JSON.parse(unknownAction.body.toString()).error.code).toBe('BAD_REQUEST');
    const tooShort = await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'create', hash_type: 'numeric', hash_length: '12' }, from2);
    expect(tooShort.status).toBe(400);
    expect(JSON.parse(tooShort.body.toString()).error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const tooLong = await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'create', duration: '100000' }, from2);
    expect(JSON.parse(tooLong.body.toString()).error.message).toMatch(/at most 120 minutes/);

    const from3 = '127.0.0.14';
    const unknownToken = await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'tokeninfo', token: '99999999999999999999' }, from3);
    expect(unknownToken.status).toBe(404);
    expect(JSON.parse(unknownToken.body.toString()).error.code).toBe('NOT_FOUND');
  });

  it('revokes a token, which then fails on the stream', async () => {
    const from = '127.0.0.15';
    const made = (await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'create' }, from)).body.toString();
    const r = await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'revoke', token: made }, from);
    expect(JSON.parse(r.body.toString())).toMatchObject({ status: 'revoked' });
    expect((await fetch(`${c.partnerBase}/hls/demo-1/playlist.m3u8?token=${made}`)).status).toBe(401);
  });

  it('answers the 7th auth request within a second with 429 and Retry-After', async () => {
    const from = '127.0.0.16';
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let i = 0; i < 7; i++) {
      // Good credentials, so no failure delay stretches the second.
      const r = await otp({ apiuser: 'partner_api', apipass: 'secure_password', action: 'tokeninfo', token: '1' }, from);
      statuses.push(r.status);
      retryAfter = r.headers['retry-after'];
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses[6]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
