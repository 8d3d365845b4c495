import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../contracts/api';
import { openDatabase, type Db } from '../db/database';
import { CamerasRepo } from '../db/repos/cameras';
import { SettingsRepo } from '../db/repos/settings';
import { EventBus } from '../events/event-bus';
import { silentLogger } from '../log/logger';
import { StreamHub } from '../stream/index';
import { CameraService } from './camera-service';
import { SecretBox } from './secret-box';
import { SnapshotService } from './snapshots';

const log = silentLogger();
const dirs: string[] = [];
const dbs: Db[] = [];

function service(dir: string, events: ConsoleEvent[] = []): CameraService {
  const db = openDatabase(join(dir, 'wink.db'), log);
  dbs.push(db);
  const bus = new EventBus(log);
  bus.subscribe((e) => events.push(e));
  const hub = new StreamHub({ log });
  const cameras = new CameraService({
    repo: new CamerasRepo(db),
    settings: new SettingsRepo(db),
    bus,
    log,
    demoEnabled: true,
    box: SecretBox.withKey(Buffer.alloc(32, 7)),
    sourceRules: { fileDir: dir },
    snapshots: new SnapshotService({ ffmpegPath: null, log }),
    openStream: (id) => hub.open(id),
    closeStream: (id) => hub.close(id),
  });
  cameras.seedDemoCameras();
  cameras.load();
  return cameras;
}

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('privacy blackout of a camera', () => {
  it('marks the camera, tells the console, and survives a restart of the core', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-blackout-'));
    dirs.push(dir);
    const events: ConsoleEvent[] = [];
    const first = service(dir, events);
    expect(first.get('demo-1')?.blackout).toBe(false);

    expect(first.setBlackout('demo-1', true)?.blackout).toBe(true);

    expect(first.isBlackedOut('demo-1')).toBe(true);
    expect(first.isBlackedOut('demo-2')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'camera.status', camera: { id: 'demo-1', blackout: true } });
    expect(service(dir).get('demo-1')?.blackout).toBe(true);
  });

  it('lifts it, and answers undefined for an unknown camera', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-blackout-'));
    dirs.push(dir);
    const cameras = service(dir);
    cameras.setBlackout('demo-2', true);

    expect(cameras.setBlackout('demo-2', false)?.blackout).toBe(false);
    expect(service(dir).isBlackedOut('demo-2')).toBe(false);
    expect(cameras.setBlackout('nope', true)).toBeUndefined();
  });
});
