// Partner access against a running core with live demo cameras: revocation during
// playback, IP allow-lists by source address, and an audit trail that survives SIGKILL.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSessionRow } from '../../media-core/contracts/audit';
import type { TokenCreated } from '../../media-core/contracts/partners';
import { spawnCore, waitFor } from '../fixtures/core-process';
import { getFrom, segmentUris } from './partner-harness';
import { startCoreWithApis, type CoreWithApis } from './partner-core-client';

describe('partner access on a live core', () => {
  let c: CoreWithApis;
  let killed = false;

  beforeAll(async () => {
    c = await startCoreWithApis();
  });
  afterAll(async () => {
    if (!killed) await c?.core.stop();
  });

  it('fails a revoked token on the very next request while a player is running', async () => {
    const { partner } = await c.createPartner({ name: 'Revocable viewer', cameras: ['demo-1'], auth: ['otp'] });
    const made = (await c.api<TokenCreated>('POST', `/api/v1/partners/${partner.id}/tokens`, { minutes: 10 })).body;
    await c.waitForPlaylist('demo-1', `token=${made.token}`);

    // A player: reload the playlist, fetch its newest segment, again, until refused.
    let revoked = false;
    const before: number[] = [];
    const after: number[] = [];
    const player = (async () => {
      for (let i = 0; i < 200; i++) {
        const wasRevoked = revoked;
        const pl = await getFrom(`${c.partnerBase}/hls/demo-1/playlist.m3u8?token=${made.token}`);
        (wasRevoked ? after : before).push(pl.status);
        if (pl.status !== 200) return;
        const uri = segmentUris(pl.body.toString()).at(-1)!;
        const seg = await getFrom(`${c.partnerBase}/hls/demo-1/${uri}`);
        (revoked ? after : before).push(seg.status);
        if (seg.status !== 200) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await waitFor('a few segments played', async () => (before.length >= 6 ? true : undefined), 20_000, 100);
    const r = await c.api('DELETE', `/api/v1/partners/${partner.id}/tokens/${made.info.id}`);
    expect(r.status).toBe(200);
    revoked = true;
    await player;

    expect(before.every((s) => s === 200)).toBe(true);
    expect(after[0]).toBe(401);
    const sessions = await c.api<{ items: AuditSessionRow[] }>('GET', `/api/v1/audit/sessions?partner=${partner.id}`);
    expect(sessions.body.items[0]).toMatchObject({ tokenId: made.info.id, camera: 'demo-1', protocol: 'hls', endReason: 'token_revoked' });
    expect(sessions.body.items[0]!.bytes).toBeGreaterThan(0);
  });

  it('lets an allow-listed address watch without a token, and no other address', async () => {
    const { partner } = await c.createPartner({ name: 'Agency VMS', type: 'partner_agency_vms', cameras: ['demo-2'], auth: ['ip'], ipAllowList: ['127.0.0.2/32'] });
    expect(partner.maxConnections).toBe(25);
    const allowed = await waitFor(
      'demo-2 from 127.0.0.2',
      async () => {
        const r = await getFrom(`${c.partnerBase}/hls/demo-2/playlist.m3u8`, { localAddress: '127.0.0.2' });
        return r.status === 200 ? r : undefined;
      },
      45_000,
      500,
    );
    const uri = segmentUris(allowed.body.toString())[0]!;
    expect(uri).toMatch(/^seg-\d+\.ts$/);
    expect((await getFrom(`${c.partnerBase}/hls/demo-2/${uri}`, { localAddress: '127.0.0.2' })).status).toBe(200);

    const other = await getFrom(`${c.partnerBase}/hls/demo-2/playlist.m3u8`, { localAddress: '127.0.0.3' });
    expect(other.status).toBe(401);
    // Allow-listed, but not for this camera.
    expect((await getFrom(`${c.partnerBase}/hls/demo-3/playlist.m3u8`, { localAddress: '127.0.0.2' })).status).toBe(403);
  });

  it('keeps every acknowledged audit record when the core is killed with SIGKILL', async () => {
    const { partner } = await c.createPartner({ name: 'Crash witness', cameras: ['demo-1'], auth: ['otp'] });
    const made = (await c.api<TokenCreated>('POST', `/api/v1/partners/${partner.id}/tokens`, {})).body;
    const denials = 5;
    for (let i = 0; i < denials; i++) {
      expect((await getFrom(`${c.partnerBase}/hls/demo-1/playlist.m3u8?token=0000000000000000000${i}`, { localAddress: '127.0.0.77' })).status).toBe(401);
    }
    const ok = await getFrom(`${c.partnerBase}/hls/demo-1/playlist.m3u8?token=${made.token}`, { localAddress: '127.0.0.78' });
    expect(ok.status).toBe(200);

    // No grace: the process dies the moment the last answer is in.
    killed = true;
    c.core.child.kill('SIGKILL');
    await new Promise((r) => c.core.child.once('exit', r));

    const dbFile = join(c.core.dataDir, 'wink.db');
    const db = new Database(dbFile, { readonly: true });
    try {
      const denied = db.prepare("SELECT code FROM audit_decisions WHERE ip = '127.0.0.77' AND result = 'deny'").all() as { code: string }[];
      expect(denied).toEqual(Array.from({ length: denials }, () => ({ code: 'token_unknown' })));
      const allow = db.prepare("SELECT * FROM audit_decisions WHERE ip = '127.0.0.78' AND result = 'allow'").get() as { session_id: string; token_id: string };
      expect(allow.token_id).toBe(made.info.id);
      const session = db.prepare('SELECT * FROM audit_sessions WHERE id = ?').get(allow.session_id) as { ended_at: number | null; partner_id: string };
      expect(session).toMatchObject({ partner_id: partner.id, ended_at: null });
      // Tokens are stored as keyed hashes only.
      const stored = db.prepare('SELECT * FROM otp_tokens').all();
      expect(JSON.stringify(stored)).not.toContain(made.token);
    } finally {
      db.close();
    }

    // On the next start the session left open is closed at its last sign of life.
    const again = await spawnCore({ dataDir: c.core.dataDir, args: ['--http-port', '0', '--console-port', '0', '--rtsp-port', '0', '--rtmp-port', '0', '--srt-port', '0', '--no-demo'] });
    try {
      const db2 = new Database(dbFile, { readonly: true });
      const row = db2.prepare("SELECT end_reason, ended_at FROM audit_sessions WHERE partner_id = ?").get(partner.id) as { end_reason: string; ended_at: number };
      db2.close();
      expect(row.end_reason).toBe('core_crashed');
      expect(row.ended_at).toBeGreaterThan(0);
    } finally {
      await again.stop();
    }
  });
});
