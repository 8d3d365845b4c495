import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorAccount } from '../../contracts/operators';
import { errorCode, startTestConsole, type TestConsole } from './testing';

describe('operator accounts API', () => {
  let server: TestConsole;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    server = await startTestConsole();
    admin = server.tokenFor('admin', 'admin');
    viewer = server.tokenFor('viewer', 'viewer');
  });
  afterAll(() => server.close());

  const list = async (token: string) => (await (await server.call(token, 'GET', '/api/v1/operators')).json()) as OperatorAccount[];
  const me = (token: string) => server.call(token, 'GET', '/api/v1/auth/me');

  it('lists accounts to every operator, without password hashes', async () => {
    const accounts = await list(viewer);
    expect(accounts.map((a) => [a.username, a.role, a.disabled])).toEqual([
      ['admin', 'admin', false],
      ['viewer', 'viewer', false],
    ]);
    expect(JSON.stringify(accounts)).not.toMatch(/scrypt|password/i);
    expect((await server.call(null, 'GET', '/api/v1/operators')).status).toBe(401);
  });

  it('lets an admin create an operator who can then sign in with that role', async () => {
    const created = await server.call(admin, 'POST', '/api/v1/operators', { username: 'night.desk', password: 'watch all night', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ username: 'night.desk', role: 'viewer', disabled: false });

    const login = await server.call(null, 'POST', '/api/v1/auth/login', { username: 'night.desk', password: 'watch all night' });
    expect(login.status).toBe(200);
  });

  it('refuses a taken name (whatever its case) with 409 and bad input with 400', async () => {
    const taken = await server.call(admin, 'POST', '/api/v1/operators', { username: 'Night.Desk', password: 'another pass', role: 'admin' });
    expect(taken.status).toBe(409);
    expect(await errorCode(taken)).toBe('CONFLICT');
    const bad = [
      { username: 'with space', password: 'long enough', role: 'viewer' },
      { username: 'short', password: 'short', role: 'viewer' },
      { username: 'role', password: 'long enough', role: 'root' },
    ];
    for (const body of bad) {
      const response = await server.call(admin, 'POST', '/api/v1/operators', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps viewers read-only', async () => {
    const attempts = [
      server.call(viewer, 'POST', '/api/v1/operators', { username: 'sneaky', password: 'long enough', role: 'admin' }),
      server.call(viewer, 'PATCH', '/api/v1/operators/viewer', { role: 'admin' }),
      server.call(viewer, 'PUT', '/api/v1/operators/admin/password', { password: 'taken over' }),
      server.call(viewer, 'DELETE', '/api/v1/operators/night.desk'),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect((await list(admin)).map((a) => a.username)).toEqual(['admin', 'night.desk', 'viewer']);
  });

  it('changes a role with effect on the open sessions of that operator', async () => {
    const session = server.tokenFor('night.desk', 'viewer');
    const promoted = await server.call(admin, 'PATCH', '/api/v1/operators/night.desk', { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(((await promoted.json()) as OperatorAccount).role).toBe('admin');
    expect(await (await me(session)).json()).toEqual({ username: 'night.desk', role: 'admin' });
  });

  it('resets a password and signs the operator out of their other sessions', async () => {
    const session = server.tokenFor('viewer', 'viewer');
    const reset = await server.call(admin, 'PUT', '/api/v1/operators/viewer/password', { password: 'a fresh secret' });
    expect(reset.status).toBe(204);
    expect((await me(session)).status).toBe(401);
    const login = await server.call(null, 'POST', '/api/v1/auth/login', { username: 'viewer', password: 'a fresh secret' });
    expect(login.status).toBe(200);
    viewer = ((await login.json()) as { token: string }).token;
  });

  it('lets any operator change their own password and keep the session they did it from', async () => {
    const other = server.tokenFor('viewer', 'viewer');
    expect((await server.call(viewer, 'PUT', '/api/v1/operators/viewer/password', { password: 'my own choice' })).status).toBe(204);
    expect((await me(viewer)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
  });

  it('never deletes or demotes yourself, nor the last admin', async () => {
    const self = await server.call(admin, 'DELETE', '/api/v1/operators/admin');
    expect(self.status).toBe(409);
    expect(((await self.json()) as { error: { message: string } }).error.message).toMatch(/own account/);
    expect((await server.call(admin, 'PATCH', '/api/v1/operators/admin', { role: 'viewer' })).status).toBe(409);

    // night.desk is an admin now; with admin gone it would be the last one.
    const second = server.tokenFor('night.desk', 'admin');
    expect((await server.call(second, 'DELETE', '/api/v1/operators/admin')).status).toBe(204);
    const last = await server.call(second, 'PATCH', '/api/v1/operators/night.desk', { role: 'viewer' });
    expect(last.status).toBe(409);
    expect(server.operators.deleteAccount('someone-else', 'night.desk')).toBe('last-admin');
  });

  it('signs a deleted operator out at once and answers 404 for unknown names', async () => {
    const second = server.tokenFor('night.desk', 'admin');
    const session = server.tokenFor('viewer', 'viewer');
    expect((await server.call(second, 'DELETE', '/api/v1/operators/viewer')).status).toBe(204);
    expect((await me(session)).status).toBe(401);
    expect((await server.call(second, 'DELETE', '/api/v1/operators/viewer')).status).toBe(404);
    expect((await server.call(second, 'PATCH', '/api/v1/operators/ghost', { role: 'admin' })).status).toBe(404);
    expect((await server.call(second, 'PUT', '/api/v1/operators/ghost/password', { password: 'whatever it is' })).status).toBe(404);
  });
});
