import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../contracts/audit';
import { openDatabase } from '../db/database';
import { AuditRepo, type AuditOp } from '../db/repos/audit';
import { silentLogger } from '../log/logger';
import { AuditWriter } from './audit-writer';

const event = (ip: string): AccessEvent => ({
  at: Date.now(),
  protocol: 'hls',
  camera: 'cam',
  ip,
  userAgent: null,
  partnerId: null,
  partnerName: null,
  tokenId: null,
  method: null,
  kind: 'playlist',
  result: 'deny',
  code: 'token_unknown',
  reason: 'unknown token',
  sessionId: null,
  sessionStart: false,
  headers: {},
});

function setup() {
  const db = openDatabase(':memory:', silentLogger());
  const repo = new AuditRepo(db);
  const count = () => (db.prepare('SELECT COUNT(*) AS n FROM audit_decisions').get() as { n: number }).n;
  return { db, repo, count };
}

describe('audit writer', () => {
  it('commits a durable record before resolving, together with what was queued', async () => {
    const { repo, count } = setup();
    const w = new AuditWriter(repo, silentLogger(), { flushMs: 60_000 });
    w.add({ t: 'decision', e: event('10.0.0.1') });
    w.add({ t: 'decision', e: event('10.0.0.2') });
    expect(count()).toBe(0);
    await w.addDurable({ t: 'decision', e: event('10.0.0.3') });
    expect(count()).toBe(3);
    w.close();
  });

  it('writes a full batch without waiting for the timer', async () => {
    const { repo, count } = setup();
    const w = new AuditWriter(repo, silentLogger(), { flushMs: 60_000, maxBatch: 10 });
    for (let i = 0; i < 10; i++) w.add({ t: 'decision', e: event(`10.0.0.${i}`) });
    await new Promise((r) => setImmediate(r));
    expect(count()).toBe(10);
    w.close();
  });

  it('keeps records when a write fails and writes them on the next attempt', async () => {
    const { repo, count } = setup();
    let failNext = true;
    const flaky = {
      write: (ops: readonly AuditOp[]) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        repo.write(ops);
      },
    } as unknown as AuditRepo;
    const w = new AuditWriter(flaky, silentLogger(), { flushMs: 5 });
    await expect(w.addDurable({ t: 'decision', e: event('10.0.0.9') })).rejects.toThrow('disk full');
    await w.durable();
    expect(count()).toBe(1);
    w.close();
  });
});
