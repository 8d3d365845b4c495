import { readFileSync } from 'node:fs';
import { expect, test, type RunningCore } from './fixtures/core';
import { screenshot, signIn } from './fixtures/console';

// The audit trail: what partners did, searched on the server and exported as CSV.

async function api<T>(core: RunningCore, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(new URL(path, core.consoleUrl), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

test.describe('audit trail', () => {
  test('search decisions by result and partner, page, export CSV, and see sessions', async ({ page, core }) => {
    test.setTimeout(240_000);
    const { token: session } = await api<{ token: string }>(core, null, 'POST', '/api/v1/auth/login', { username: core.adminUsername, password: core.adminPassword });
    const { partner } = await api<{ partner: { id: string } }>(core, session, 'POST', '/api/v1/partners', { name: 'Audit desk', type: 'news_media', cameras: ['demo-2'], auth: ['otp'] });
    const made = await api<{ token: string }>(core, session, 'POST', `/api/v1/partners/${partner.id}/tokens`, {});
    const partnerBase = `http://127.0.0.1:${core.listen.http!.split(':').pop()}`;
    await expect.poll(async () => (await fetch(`${partnerBase}/hls/demo-2/playlist.m3u8?token=${made.token}`)).status, { timeout: 90_000 }).toBe(200);
    // A few refusals (fewer than the abuse monitor's limit).
    for (let i = 0; i < 3; i++) expect((await fetch(`${partnerBase}/hls/demo-2/playlist.m3u8?token=nope${i}`)).status).toBe(401);

    await page.goto(`${core.consoleUrl}/#/audit`);
    await signIn(page, core.adminUsername, core.adminPassword);
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.locator('[data-testid="audit-row"][data-result="allow"]').first()).toContainText('Audit desk');
    await screenshot(page, 'audit');

    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('Result').selectOption('deny');
    await filters.getByLabel('Camera').selectOption('demo-2');
    await filters.getByTestId('audit-search').click();
    await expect(rows).toHaveCount(3);
    await expect(page.locator('[data-testid="audit-row"][data-result="allow"]')).toHaveCount(0);
    await expect(rows.first()).toContainText('token unknown');

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^id,at,protocol,camera,ip/);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((l) => l.includes(',deny,token_unknown,'))).toBe(true);

    await filters.getByLabel('Result').selectOption('allow');
    await filters.getByLabel('Partner').selectOption(partner.id);
    await filters.getByTestId('audit-search').click();
    await expect(rows.first()).toContainText('Audit desk');
    await expect(page.locator('[data-testid="audit-row"][data-result="deny"]')).toHaveCount(0);

    // A time range with nothing in it says so, with a way forward.
    await filters.getByLabel('From').fill('2099-01-01T00:00');
    await filters.getByTestId('audit-search').click();
    await expect(page.getByText('Nothing recorded matches')).toBeVisible();
    await filters.getByRole('button', { name: 'Clear' }).click();
    await expect(rows.first()).toBeVisible();

    await page.getByRole('tab', { name: 'Sessions' }).click();
    await expect(page.locator('[data-testid="audit-table"][data-kind="sessions"]')).toBeVisible();
    await expect(rows.first()).toContainText('Audit desk');
    await screenshot(page, 'audit-sessions');
  });
});
