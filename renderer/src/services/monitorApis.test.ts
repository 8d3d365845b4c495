import { describe, expect, it } from 'vitest';
import { alertListPath } from './alertsApi';
import { auditExportUrl } from './auditApi';
import { createConsoleApi } from './consoleApi';

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

describe('partner, session, alert and audit calls of the console API client', () => {
  it('manages partners, their tokens and usage with the paths and verbs the core serves', async () => {
    const { api, seen } = recordingApi();

    await api.updatePartner('t', 'news desk', { status: 'suspended' });
    await api.createPartnerToken('t', 'news', { minutes: 5 });
    await api.revokePartnerToken('t', 'news', 'tok/1');
    await api.rotatePartnerCredentials('t', 'news');
    await api.reinstatePartner('t', 'news');
    await api.partnerUsage('t', 'news', { from: '2024-10-01T00:00:00.000Z', to: '2024-10-02T00:00:00.000Z', bucket: 600 });
    await api.usageTotals('t', { from: 'a', to: 'b' });

    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'PATCH /api/v1/partners/news%20desk',
      'POST /api/v1/partners/news/tokens',
      'DELETE /api/v1/partners/news/tokens/tok%2F1',
      'POST /api/v1/partners/news/credentials',
      'POST /api/v1/abuse/partners/news/reinstate',
      'GET /api/v1/partners/news/usage?from=2024-10-01T00%3A00%3A00.000Z&to=2024-10-02T00%3A00%3A00.000Z&bucket=600',
      'GET /api/v1/usage/partners?from=a&to=b',
    ]);
    expect(seen[0]?.body).toEqual({ status: 'suspended' });
  });

  it('ends sessions and switches a camera blackout on and off', async () => {
    const { api, seen } = recordingApi();

    await api.endSession('t', 's-1');
    await api.setCameraBlackout('t', 'demo-1', true);
    await api.setCameraBlackout('t', 'demo-1', false);

    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'DELETE /api/v1/sessions/s-1',
      'POST /api/v1/cameras/demo-1/blackout',
      'DELETE /api/v1/cameras/demo-1/blackout',
    ]);
  });

  it('reads alerts with their filters and acts on them', async () => {
    const { api, seen } = recordingApi(() => new Response(JSON.stringify({ unread: 4 }), { status: 200 }));

    expect(await api.unreadAlertCount('t')).toBe(4);
    await api.acknowledgeAlert('t', 9);
    await api.liftIpBlock('t', '2001:db8::1');

    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/v1/alerts/unread-count',
      'POST /api/v1/alerts/9/acknowledge',
      'DELETE /api/v1/abuse/blocks/2001%3Adb8%3A%3A1',
    ]);
    expect(alertListPath({ severity: ['high', 'critical'], acknowledged: false, limit: 50, before: '12' })).toBe(
      '/alerts?severity=high%2Ccritical&acknowledged=false&limit=50&before=12',
    );
    expect(alertListPath({})).toBe('/alerts');
  });

  it('searches the audit trail and builds the CSV download of exactly that search', async () => {
    const { api, seen } = recordingApi(() => new Response(JSON.stringify({ items: [], next: null }), { status: 200 }));

    await api.auditDecisions('t', { partner: 'news', result: 'deny', ip: '', limit: 50, before: '99' });

    expect(seen[0]?.url).toBe('/api/v1/audit/decisions?partner=news&result=deny&limit=50&before=99');
    expect(auditExportUrl('sessions', { camera: 'demo-1', limit: 50, before: '3' }, 'a+b')).toBe('/api/v1/audit/sessions/export?camera=demo-1&format=csv&token=a%2Bb');
  });
});
