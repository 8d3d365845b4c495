import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRetention } from '../../contracts/audit-retention';
import { startConsoleWith, type ConsoleWith } from './testing-with';

describe('audit retention API', () => {
  let server: ConsoleWith;
  let stored: AuditRetention = { retentionDays: 365 };

  beforeAll(async () => {
    server = await startConsoleWith({
      auditRetention: {
        get: () => stored,
        set: (value) => (stored = value),
      },
    });
  });
  afterAll(() => server.close());

  it('answers the retention to any operator', async () => {
    const r = await server.call(server.viewer, 'GET', '/api/v1/audit/retention');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ retentionDays: 365 });
  });

  it('lets an admin change it', async () => {
    const r = await server.call(server.admin, 'PUT', '/api/v1/audit/retention', { retentionDays: 90 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ retentionDays: 90 });
    expect(stored).toEqual({ retentionDays: 90 });
  });

  it('refuses values outside 7..3650 days with a message naming the field', async () => {
    for (const retentionDays of [6, 3651, 30.5]) {
      const r = await server.call(server.admin, 'PUT', '/api/v1/audit/retention', { retentionDays });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toContain('retentionDays');
    }
    expect(stored).toEqual({ retentionDays: 90 });
  });

  it('is changed by admins only', async () => {
    expect((await server.call(server.viewer, 'PUT', '/api/v1/audit/retention', { retentionDays: 30 })).status).toBe(403);
    expect((await server.call(null, 'GET', '/api/v1/audit/retention')).status).toBe(401);
    expect(stored).toEqual({ retentionDays: 90 });
  });
});
