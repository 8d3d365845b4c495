import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { SettingsRepo } from '../db/repos/settings';
import { silentLogger } from '../log/logger';
import { AuditPruner, AuditRetentionSettings } from './retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

describe('audit retention', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wink-retention-'));
    db = openDatabase(join(dir, 'wink.db'), silentLogger());
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const decision = (ageDays: number) =>
    db
      .prepare("INSERT INTO audit_decisions (at, protocol, ip, result, code, reason) VALUES (?, 'hls', '127.0.0.1', 'allow', 'OK', 'ok')")
      .run(NOW - ageDays * DAY);
  const session = (id: string, startedDays: number, endedDays: number | null) =>
    db
      .prepare("INSERT INTO audit_sessions (id, partner_id, method, camera, protocol, ip, started_at, ended_at) VALUES (?, 'p', 'token', 'c', 'hls', '127.0.0.1', ?, ?)")
      .run(id, NOW - startedDays * DAY, endedDays === null ? null : NOW - endedDays * DAY);
  const decisionAges = () => (db.prepare('SELECT at FROM audit_decisions ORDER BY at').all() as { at: number }[]).map((r) => Math.round((NOW - r.at) / DAY));
  const sessionIds = () => (db.prepare('SELECT id FROM audit_sessions ORDER BY id').all() as { id: string }[]).map((r) => r.id);

  it('defaults to 365 days and stores a change in the settings table', () => {
    const settings = new AuditRetentionSettings(new SettingsRepo(db));
    expect(settings.get()).toEqual({ retentionDays: 365 });
    settings.set({ retentionDays: 30 });
    expect(new AuditRetentionSettings(new SettingsRepo(db)).get()).toEqual({ retentionDays: 30 });
  });

  it('removes decisions and ended sessions older than the retention and keeps newer ones', () => {
    for (const age of [400, 40, 31, 29, 1]) decision(age);
    session('old-ended', 60, 45);
    session('recent-ended', 20, 10);
    session('old-still-open', 90, null);

    const removed = new AuditPruner({ db, log: silentLogger(), retention: () => 30, now: () => NOW }).prune();

    expect(removed).toEqual({ decisions: 3, sessions: 1 });
    expect(decisionAges()).toEqual([29, 1]);
    expect(sessionIds()).toEqual(['old-still-open', 'recent-ended']);
  });

  it('works through a backlog larger than one batch', () => {
    for (let i = 0; i < 25; i++) decision(100);
    decision(2);

    const removed = new AuditPruner({ db, log: silentLogger(), retention: () => 7, now: () => NOW, batchSize: 4 }).prune();

    expect(removed.decisions).toBe(25);
    expect(decisionAges()).toEqual([2]);
  });

  it('prunes at start, with the retention read at each pass', () => {
    decision(10);
    let days = 365;
    const pruner = new AuditPruner({ db, log: silentLogger(), retention: () => days, now: () => NOW });
    pruner.start();
    expect(decisionAges()).toEqual([10]);
    days = 7;
    pruner.prune();
    pruner.stop();
    expect(decisionAges()).toEqual([]);
  });
});
