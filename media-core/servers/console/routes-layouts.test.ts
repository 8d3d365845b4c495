import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraGroup, WallLayout } from '../../contracts/layouts';
import { errorCode, startTestConsole, type TestConsole } from './testing';

describe('wall layouts and camera groups API', () => {
  let server: TestConsole;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    server = await startTestConsole();
    admin = server.tokenFor('admin', 'admin');
    viewer = server.tokenFor('viewer', 'viewer');
  });
  afterAll(() => server.close());

  const put = (token: string, path: string, body: unknown) => server.call(token, 'PUT', path, body);
  const get = (token: string | null, path: string) => server.call(token, 'GET', path);
  const layout = { grid: 4, cameras: ['demo-3', 'demo-1', 'demo-3'], group: null };

  it('needs a session for every route', async () => {
    for (const path of ['/api/v1/layouts', '/api/v1/layouts/x', '/api/v1/camera-groups', '/api/v1/camera-groups/x']) {
      expect((await get(null, path)).status, path).toBe(401);
    }
    expect((await server.call(null, 'PUT', '/api/v1/layouts/x', layout)).status).toBe(401);
  });

  it('saves a personal layout by name (201, then 200 on replace) and gives it back', async () => {
    const created = await put(viewer, '/api/v1/layouts/Night%20shift', layout);
    expect(created.status).toBe(201);
    const body = (await created.json()) as WallLayout;
    expect(body).toMatchObject({ name: 'Night shift', scope: 'personal', owner: 'viewer', grid: 4, group: null, updatedBy: 'viewer' });
    expect(body.cameras).toEqual(['demo-3', 'demo-1']);

    const replaced = await put(viewer, '/api/v1/layouts/Night%20shift', { ...layout, grid: 'auto' });
    expect(replaced.status).toBe(200);
    const again = (await (await get(viewer, '/api/v1/layouts/Night%20shift')).json()) as WallLayout;
    expect(again.grid).toBe('auto');
  });

  it("keeps personal layouts private: another operator neither sees nor finds them", async () => {
    const adminList = (await (await get(admin, '/api/v1/layouts')).json()) as WallLayout[];
    expect(adminList.map((l) => l.name)).not.toContain('Night shift');
    expect((await get(admin, '/api/v1/layouts/Night%20shift')).status).toBe(404);
    expect((await server.call(admin, 'DELETE', '/api/v1/layouts/Night%20shift')).status).toBe(404);
  });

  it('lets only admins write shared layouts, which every operator then sees, shared first', async () => {
    const refused = await put(viewer, '/api/v1/layouts/Lobby', { ...layout, scope: 'shared' });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('FORBIDDEN');

    expect((await put(admin, '/api/v1/layouts/Lobby', { ...layout, scope: 'shared', grid: 9 })).status).toBe(201);
    // The same name may exist once shared and once per operator.
    expect((await put(viewer, '/api/v1/layouts/Lobby', layout)).status).toBe(201);

    const list = (await (await get(viewer, '/api/v1/layouts')).json()) as WallLayout[];
    expect(list.map((l) => `${l.scope}:${l.name}`)).toEqual(['shared:Lobby', 'personal:Lobby', 'personal:Night shift']);
    expect((await get(viewer, '/api/v1/layouts/Lobby?scope=shared')).status).toBe(200);
    expect((await server.call(viewer, 'DELETE', '/api/v1/layouts/Lobby?scope=shared')).status).toBe(403);
  });

  it('deletes a layout of the given scope only', async () => {
    expect((await server.call(admin, 'DELETE', '/api/v1/layouts/Lobby?scope=shared')).status).toBe(204);
    expect((await get(viewer, '/api/v1/layouts/Lobby?scope=shared')).status).toBe(404);
    expect((await get(viewer, '/api/v1/layouts/Lobby')).status).toBe(200);
    expect((await server.call(viewer, 'DELETE', '/api/v1/layouts/Lobby?scope=shared')).status).toBe(403);
  });

  it('refuses malformed layouts and names with 400 VALIDATION_FAILED', async () => {
    const bad = [
      put(viewer, '/api/v1/layouts/x', { ...layout, grid: 6 }),
      put(viewer, '/api/v1/layouts/x', { ...layout, cameras: 'demo-1' }),
      put(viewer, '/api/v1/layouts/x', { ...layout, scope: 'everyone' }),
      put(viewer, '/api/v1/layouts/%20padded', layout),
      put(viewer, `/api/v1/layouts/${'n'.repeat(65)}`, layout),
      put(viewer, '/api/v1/layouts/x', { ...layout, group: 'no such group' }),
      get(viewer, '/api/v1/layouts/x?scope=team'),
    ];
    for (const response of await Promise.all(bad)) {
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it('manages camera groups: admins write, everyone reads', async () => {
    expect((await put(viewer, '/api/v1/camera-groups/Entrances', { cameras: ['demo-1'] })).status).toBe(403);
    const created = await put(admin, '/api/v1/camera-groups/Entrances', { cameras: ['demo-2', 'demo-1'] });
    expect(created.status).toBe(201);
    expect((await put(admin, '/api/v1/camera-groups/Yard', { cameras: [] })).status).toBe(201);

    const groups = (await (await get(viewer, '/api/v1/camera-groups')).json()) as CameraGroup[];
    expect(groups.map((g) => [g.name, g.cameras])).toEqual([
      ['Entrances', ['demo-2', 'demo-1']],
      ['Yard', []],
    ]);
    expect((await put(admin, '/api/v1/camera-groups/Yard', { cameras: ['demo-4'] })).status).toBe(200);
    expect(((await (await get(viewer, '/api/v1/camera-groups/Yard')).json()) as CameraGroup).cameras).toEqual(['demo-4']);
  });

  it('lets a layout show a camera group', async () => {
    const response = await put(viewer, '/api/v1/layouts/Doors', { grid: 'auto', cameras: [], group: 'Entrances' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as WallLayout).group).toBe('Entrances');
  });

  it('deletes groups (admin only) and answers 404 for unknown ones', async () => {
    expect((await server.call(viewer, 'DELETE', '/api/v1/camera-groups/Yard')).status).toBe(403);
    expect((await server.call(admin, 'DELETE', '/api/v1/camera-groups/Yard')).status).toBe(204);
    expect((await server.call(admin, 'DELETE', '/api/v1/camera-groups/Yard')).status).toBe(404);
    expect((await get(admin, '/api/v1/camera-groups/Yard')).status).toBe(404);
  });

  it("drops an operator's personal layouts with the operator", async () => {
    await server.operators.createOperator('temp', 'temporary pass', 'viewer');
    const temp = server.tokenFor('temp', 'viewer');
    expect((await put(temp, '/api/v1/layouts/Mine', layout)).status).toBe(201);

    expect(server.operators.deleteAccount('admin', 'temp')).toBe('deleted');
    await server.operators.createOperator('temp', 'temporary pass', 'viewer');

    const list = (await (await get(server.tokenFor('temp', 'viewer'), '/api/v1/layouts')).json()) as WallLayout[];
    expect(list.filter((l) => l.scope === 'personal')).toEqual([]);
  });
});
