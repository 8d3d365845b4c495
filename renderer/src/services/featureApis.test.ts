import { describe, expect, it } from 'vitest';
import { createConsoleApi } from './consoleApi';
import { cameraSnapshotUrl } from './wallApi';

function recordingApi(answer: () => Response = () => new Response(JSON.stringify({}), { status: 200 })) {
  const seen: { url: string; method: string; body: unknown }[] = [];
  const api = createConsoleApi({
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });
      return answer();
    }) as typeof fetch,
  });
  return { api, seen };
}

describe('layout, group and operator calls of the console API client', () => {
  it('puts layouts and groups by escaped name and deletes a layout of one scope', async () => {
    const { api, seen } = recordingApi();

    await api.saveLayout('t', 'Night/shift 2', { scope: 'shared', grid: 4, cameras: ['a'], group: null });
    await api.deleteLayout('t', 'Night shift', 'personal');
    await api.saveCameraGroup('t', 'Gate #1', { cameras: ['a', 'b'] });
    await api.deleteCameraGroup('t', 'Gate #1');

    expect(seen).toEqual([
      { url: '/api/v1/layouts/Night%2Fshift%202', method: 'PUT', body: { scope: 'shared', grid: 4, cameras: ['a'], group: null } },
      { url: '/api/v1/layouts/Night%20shift?scope=personal', method: 'DELETE', body: undefined },
      { url: '/api/v1/camera-groups/Gate%20%231', method: 'PUT', body: { cameras: ['a', 'b'] } },
      { url: '/api/v1/camera-groups/Gate%20%231', method: 'DELETE', body: undefined },
    ]);
  });

  it('manages operators with the verbs the core expects', async () => {
    const { api, seen } = recordingApi(() => new Response(null, { status: 204 }));

    await api.createOperator('t', { username: 'night', password: 'long enough', role: 'viewer' });
    await api.setOperatorRole('t', 'night', 'admin');
    await api.resetOperatorPassword('t', 'night', 'another one');
    await api.deleteOperator('t', 'night');

    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/v1/operators',
      'PATCH /api/v1/operators/night',
      'PUT /api/v1/operators/night/password',
      'DELETE /api/v1/operators/night',
    ]);
    expect(seen[1]?.body).toEqual({ role: 'admin' });
    expect(seen[2]?.body).toEqual({ password: 'another one' });
  });

  it('builds the snapshot URL with the token and a version in the query', () => {
    expect(cameraSnapshotUrl('cam 1', 'a+b', '2024-10-01T00:00:00Z')).toBe('/api/v1/cameras/cam%201/snapshot.jpg?token=a%2Bb&v=2024-10-01T00%3A00%3A00Z');
  });
});
