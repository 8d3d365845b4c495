import { describe, expect, it } from 'vitest';
import { configureNew, configureUpdate, openSource } from './camera-config';
import { SecretBox } from './secret-box';

const ctx = { rules: { fileDir: null }, box: SecretBox.withKey(Buffer.alloc(32, 7)) };
const create = (source: string, extra = {}) => configureNew({ id: 'cam-1', name: 'Gate', source, ...extra }, 1, ctx);

describe('camera configuration', () => {
  it('stores the source sealed, never in clear', () => {
    const { row, source } = create('rtsp://admin:s3cret@10.0.0.5/live');
    expect(row.sourceSealed).not.toContain('s3cret');
    expect(row.sourceSealed).not.toContain('10.0.0.5');
    expect(openSource(row, ctx)).toEqual(source);
  });

  it('refuses a bad id or a hostile source with a 400 that says why', () => {
    expect(() => configureNew({ id: 'Cam 1', name: 'x', source: 'rtsp://h/x' }, 1, ctx)).toThrow(/lowercase letters, digits and dashes/);
    expect(() => create('rtsp://h/x;reboot')).toThrow(/^source: the source address contains characters/);
    expect(() => create('file:///etc/passwd')).toThrow(/file sources are turned off/);
  });

  it('keeps stored credentials when the address changes without them, or comes back masked', () => {
    const { row, source } = create('rtsp://admin:s3cret@10.0.0.5/live');
    const moved = configureUpdate(row, source, { source: 'rtsp://10.0.0.6/live' }, ctx);
    expect(moved.source).toMatchObject({ username: 'admin', password: 's3cret', display: 'rtsp://10.0.0.6/live' });
    const same = configureUpdate(row, source, { source: 'rtsp://***@10.0.0.5/live', transport: 'udp' }, ctx);
    expect(same.source?.url).toBe('rtsp://admin:s3cret@10.0.0.5/live');
    expect(same.row.transport).toBe('udp');
  });

  it('replaces the password alone, or clears the credentials when told to', () => {
    const { row, source } = create('rtsp://admin:s3cret@10.0.0.5/live');
    expect(configureUpdate(row, source, { password: 'n3w' }, ctx).source?.url).toBe('rtsp://admin:n3w@10.0.0.5/live');
    expect(configureUpdate(row, source, { source: 'rtsp://other:pw@10.0.0.5/live' }, ctx).source).toMatchObject({ username: 'other', password: 'pw' });
    expect(configureUpdate(row, source, { clearCredentials: true }, ctx).source?.url).toBe('rtsp://10.0.0.5/live');
  });

  it('changes plain fields without touching the sealed source', () => {
    const { row, source } = create('rtsp://10.0.0.5/live');
    const next = configureUpdate(row, source, { name: 'Gate 2', mode: 'on-demand', idleStopSec: 5, maxHeight: 480 }, ctx);
    expect(next.row).toMatchObject({ name: 'Gate 2', mode: 'on-demand', idleStopSec: 5, maxHeight: 480, sourceSealed: row.sourceSealed });
  });
});
