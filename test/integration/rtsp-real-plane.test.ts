// The RTSP server on the real access plane, wired as the core wires it: partners and OTP
// tokens from the partner service, sessions in the plane's registry, and the plane ending
// a running ffmpeg when the token is revoked or the partner suspended.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerCreateSchema, PartnerUpdateSchema, TokenCreateSchema } from '../../media-core/contracts/partner-requests';
import { createPartnerAccess, type PartnerAccess } from '../../media-core/core/partner-access';
import { openDatabase, type Db } from '../../media-core/db/database';
import { SettingsRepo } from '../../media-core/db/repos/settings';
import { silentLogger } from '../../media-core/log/logger';
import { SecretBox } from '../../media-core/cameras/secret-box';
import { RtspServer } from '../../media-core/servers/rtsp';
import { startLiveCamera, type LiveCamera } from './rtsp-harness-camera';
import { RawRtspClient } from './rtsp-harness-client';
import { FFMPEG, FFPROBE, run, start, until } from './rtsp-harness-tools';

let cam: LiveCamera;
let db: Db;
let plane: PartnerAccess;
let server: RtspServer;
let port: number;

beforeAll(async () => {
  cam = await startLiveCamera('cam1');
  const dataDir = mkdtempSync(join(tmpdir(), 'wink-rtsp-plane-'));
  db = openDatabase(join(dataDir, 'wink.db'), silentLogger());
  const digestBox = SecretBox.openOrCreate(join(dataDir, 'source-key'));
  plane = createPartnerAccess({ db, dataDir, settings: new SettingsRepo(db), log: silentLogger(), knownCameras: () => ['cam1', 'cam2'], muxerFor: () => undefined, digestBox });
  server = new RtspServer({ access: plane.access, source: (id) => (id === 'cam1' ? cam.stream : undefined), log: silentLogger() });
  port = Number((await server.listen('127.0.0.1', 0)).split(':').pop());
});

afterAll(async () => {
  await server?.close();
  plane?.stop();
  db?.close();
  await cam?.stop();
});

const url = (camera: string, query = '') => `rtsp://127.0.0.1:${port}/${camera}${query ? `?${query}` : ''}`;

async function partnerWithToken(name: string, cameras: string[]) {
  const { partner } = await plane.console.partners.create(PartnerCreateSchema.parse({ name, cameras, auth: ['otp'] }));
  const made = plane.console.partners.createToken(partner.id, TokenCreateSchema.parse({ minutes: 10 }))!;
  return { partner, token: made.token, tokenId: made.info.id };
}

async function describeStatus(u: string): Promise<number> {
  const c = await RawRtspClient.connect(port);
  try {
    return (await c.request('DESCRIBE', u)).status;
  } finally {
    c.close();
  }
}

/** Starts an endless ffmpeg client and waits until the plane lists its RTSP session. */
async function playing(u: string) {
  const ff = start(FFMPEG, ['-hide_banner', '-v', 'error', '-rtsp_transport', 'tcp', '-i', u, '-f', 'null', '-']);
  await until('an RTSP session in the plane', () => plane.access.listSessions().some((s) => s.protocol === 'rtsp'), 15_000);
  await until('media flowing', () => server.stats().rtpPackets > 0);
  return ff;
}

async function endsWithinASecond(ff: ReturnType<typeof start>, act: () => unknown): Promise<boolean> {
  await act();
  const gone = await Promise.race([ff.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
  ff.child.kill('SIGKILL');
  await ff.exited;
  return gone;
}

describe('RTSP on the real access plane', () => {
  it('authenticates ffmpeg by RTSP Digest with the partner’s API credentials, and refuses a wrong password', async () => {
    const { partner, credentials } = await plane.console.partners.create(PartnerCreateSchema.parse({ name: 'Digest VMS', cameras: ['cam1'], auth: ['ip'] }));
    const withCreds = (user: string, pass: string) => `rtsp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}/cam1`;
    const probe = await run(FFPROBE, ['-v', 'error', '-rtsp_transport', 'tcp', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', withCreds(credentials.apiuser, credentials.apipass)]);
    expect(probe.stderr).toBe('');
    expect(probe.stdout.trim().split('\n')).toEqual(['h264', 'aac']);
    const wrong = await run(FFPROBE, ['-v', 'error', '-rtsp_transport', 'tcp', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', withCreds(credentials.apiuser, 'not-the-password')]);
    expect(wrong.stdout.trim()).toBe('');
    expect(wrong.stderr).toMatch(/401|Unauthorized/i);
    // The stored secret is sealed: the database alone does not hold HA1 in clear.
    const row = db.prepare('SELECT digest_ha1 FROM partners WHERE id = ?').get(partner.id) as { digest_ha1: string };
    expect(row.digest_ha1).toBeTruthy();
    expect(row.digest_ha1).not.toMatch(/^[0-9a-f]{32}$/);
  });


  it('plays with a partner’s OTP token; refuses no token, a wrong token and an ungranted camera', async () => {
    const { token } = await partnerWithToken('VMS one', ['cam1']);
    const probe = await run(FFPROBE, ['-v', 'error', '-rtsp_transport', 'tcp', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', url('cam1', `token=${token}`)]);
    expect(probe.stderr).toBe('');
    expect(probe.stdout.trim().split('\n')).toEqual(['h264', 'aac']);
    expect(await describeStatus(url('cam1'))).toBe(401);
    expect(await describeStatus(url('cam1', 'token=0000000000'))).toBe(401);
    expect(await describeStatus(url('cam2', `token=${token}`))).toBe(403);
  });

  it('an allow-listed address plays without a token', async () => {
    await plane.console.partners.create(PartnerCreateSchema.parse({ name: 'Agency NVR', cameras: ['cam1'], auth: ['ip'], ipAllowList: ['127.0.0.1/32'] }));
    expect(await describeStatus(url('cam1'))).toBe(200);
  });

  it('revoking the token ends a running ffmpeg within a second', async () => {
    const { partner, tokenId, token } = await partnerWithToken('VMS two', ['cam1']);
    const ff = await playing(url('cam1', `token=${token}`));
    expect(await endsWithinASecond(ff, () => plane.console.partners.revokeToken(partner.id, tokenId))).toBe(true);
    await until('session gone', () => server.stats().sessions === 0);
  });

  it('suspending the partner ends a running ffmpeg within a second', async () => {
    const { partner, token } = await partnerWithToken('VMS three', ['cam1']);
    const ff = await playing(url('cam1', `token=${token}`));
    expect(await endsWithinASecond(ff, () => plane.console.partners.update(partner.id, PartnerUpdateSchema.parse({ status: 'suspended' })))).toBe(true);
    await until('session gone', () => server.stats().sessions === 0);
    expect(plane.access.listSessions().filter((s) => s.protocol === 'rtsp')).toEqual([]);
  });
});
