import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Camera } from '../contracts/api';
import { createResourceSampler, databaseInfo, pipelineHealth } from './system-resources';

const camera = (status: Camera['status'], restarts: number) => ({ status, stats: { restarts } }) as Camera;

describe('system figures of the core', () => {
  it('counts pipelines per status and sums their restarts', () => {
    const health = pipelineHealth([camera('live', 0), camera('live', 2), camera('offline', 5)]);
    expect(health).toEqual({ total: 3, byStatus: { live: 2, starting: 0, stalled: 0, offline: 1, error: 0, disabled: 0 }, restarts: 7 });
  });

  it('measures CPU between readings at least a second apart, and memory every time', () => {
    let now = 0;
    const sample = createResourceSampler(() => now);
    now = 500;
    expect(sample().cpuPercent).toBe(0);
    const end = Date.now() + 20;
    while (Date.now() < end); // some CPU to measure
    now = 1_000;
    const reading = sample();
    expect(reading.cpuPercent).toBeGreaterThan(0);
    expect(reading.rssBytes).toBeGreaterThan(0);
    expect(reading.loadAverage).toHaveLength(3);
    expect(reading.cpuCount).toBeGreaterThan(0);
  });

  it('sizes the database with its write-ahead log, and copes with a missing log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-dbinfo-'));
    const file = join(dir, 'wink.db');
    writeFileSync(file, Buffer.alloc(4096));
    expect(databaseInfo(file, 4)).toEqual({ sizeBytes: 4096, walBytes: 0, schemaVersion: 4 });
    writeFileSync(`${file}-wal`, Buffer.alloc(1000));
    expect(databaseInfo(file, 4)).toEqual({ sizeBytes: 5096, walBytes: 1000, schemaVersion: 4 });
  });
});
