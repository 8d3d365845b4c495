import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../contracts/api';
import { startConsoleWith, type ConsoleWith } from './testing-with';

const camera = (id: string, blackout: boolean): Camera => ({
  id,
  name: id,
  kind: 'demo',
  enabled: true,
  status: 'live',
  statusReason: null,
  statusSince: '2024-10-01T00:00:00.000Z',
  stats: { videoCodec: 'h264', profile: null, width: 640, height: 360, fps: 15, bitrate: 0, hasAudio: false, uptime: 1, restarts: 0 },
  blackout,
});

describe('privacy blackout API', () => {
  let server: ConsoleWith;
  const calls: [string, boolean][] = [];

  beforeAll(async () => {
    server = await startConsoleWith({
      blackout: {
        set: (id, on) => {
          calls.push([id, on]);
          return id === 'cam-a' ? camera(id, on) : undefined;
        },
      },
    });
  });
  afterAll(() => server.close());

  it('puts a camera under blackout and lifts it again, answering the camera', async () => {
    const on = await server.call(server.admin, 'POST', '/api/v1/cameras/cam-a/blackout');
    expect(on.status).toBe(200);
    expect(((await on.json()) as Camera).blackout).toBe(true);

    const off = await server.call(server.admin, 'DELETE', '/api/v1/cameras/cam-a/blackout');
    expect(((await off.json()) as Camera).blackout).toBe(false);
    expect(calls).toEqual([
      ['cam-a', true],
      ['cam-a', false],
    ]);
  });

  it('answers 404 for an unknown camera', async () => {
    const r = await server.call(server.admin, 'POST', '/api/v1/cameras/nope/blackout');
    expect(r.status).toBe(404);
  });

  it('is for admins only', async () => {
    calls.length = 0;
    expect((await server.call(server.viewer, 'POST', '/api/v1/cameras/cam-a/blackout')).status).toBe(403);
    expect((await server.call(null, 'DELETE', '/api/v1/cameras/cam-a/blackout')).status).toBe(401);
    expect(calls).toEqual([]);
  });
});
