// The built core serves partner RTSP on its rtsp listener: a demo camera plays with an
// OTP token made through the console API, and the audit trail records the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSessionRow } from '../../media-core/contracts/audit';
import type { TokenCreated } from '../../media-core/contracts/partners';
import { waitFor } from '../fixtures/core-process';
import { startCoreWithApis, type CoreWithApis } from './partner-core-client';
import { FFMPEG, framesPerStream, run } from './rtsp-harness-tools';

let c: CoreWithApis;

beforeAll(async () => {
  c = await startCoreWithApis();
});

afterAll(async () => {
  await c?.core.stop();
});

describe('RTSP in the running core', () => {
  it('plays a demo camera with an OTP token and audits the session with its bytes', async () => {
    expect(c.core.listen.rtsp).toMatch(/:\d+$/);
    const port = c.core.listen.rtsp!.split(':').pop();
    const { partner } = await c.createPartner({ name: 'County VMS', cameras: ['demo-1'], auth: ['otp'] });
    const made = (await c.api<TokenCreated>('POST', `/api/v1/partners/${partner.id}/tokens`, { minutes: 10 })).body;
    const url = `rtsp://127.0.0.1:${port}/demo-1?token=${made.token}`;
    // The demo camera may still be starting: 503 until its first keyframe.
    const played = await waitFor(
      'two seconds decoded over RTSP',
      async () => {
        const r = await run(FFMPEG, ['-v', 'error', '-rtsp_transport', 'tcp', '-i', url, '-t', '2', '-f', 'framecrc', '-']);
        return r.code === 0 ? r : undefined;
      },
      45_000,
      1000,
    );
    expect(played.stderr).toBe('');
    expect(framesPerStream(played.stdout).get(0)).toBeGreaterThan(10);
    const sessions = await waitFor('the audited session', async () => {
      const r = await c.api<{ items: AuditSessionRow[] }>('GET', `/api/v1/audit/sessions?partner=${partner.id}`);
      return r.body.items.find((s) => s.endReason !== null);
    });
    expect(sessions).toMatchObject({ protocol: 'rtsp', camera: 'demo-1', tokenId: made.info.id, endReason: 'teardown' });
    expect(sessions.bytes).toBeGreaterThan(10_000);
  });
});
