import { expect, test } from './fixtures/core';
import { screenshot, signIn } from './fixtures/console';

// A client guessing tokens on the partner listener: the abuse monitor raises an alert,
// which arrives in the open console live, lights the navigation badge and is acknowledged.

test.describe('alerts', () => {
  test('an alert arrives live, shows its evidence, is acknowledged and its block lifted', async ({ page, core }) => {
    test.setTimeout(240_000);
    await page.goto(`${core.consoleUrl}/#/alerts`);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByText('No alerts', { exact: true })).toBeVisible();
    await expect(page.getByTestId('alerts-unread')).toHaveCount(0);

    // More than 10 wrong tokens within a minute from one address.
    const partnerPort = core.listen.http!.split(':').pop();
    const statuses = await Promise.all(
      Array.from({ length: 14 }, (_, i) => fetch(`http://127.0.0.1:${partnerPort}/hls/demo-1/playlist.m3u8?token=guess${1000 + i}`).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 401 || s === 403 || s === 429)).toBe(true);

    const card = page.getByTestId('alert-card').first();
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(card.getByTestId('alert-detector')).toContainText('Repeated authentication failures');
    await expect(card).toContainText('127.0.0.1');
    await expect(card).toHaveAttribute('data-acknowledged', 'false');
    await expect(page.getByTestId('alerts-unread')).toHaveText(/^[1-9]/);

    await card.getByRole('button', { name: 'Evidence' }).click();
    await expect(card.getByTestId('alert-evidence').locator('tbody tr').first()).toContainText('token unknown');
    await screenshot(page, 'alerts');

    // The response blocked the address; an admin lifts it.
    const lift = card.getByRole('button', { name: 'Lift block of 127.0.0.1' });
    await expect(lift).toBeVisible({ timeout: 30_000 });
    await lift.click();
    await expect(lift).toHaveCount(0);
    await expect(page.getByTestId('ip-blocks')).toContainText('No address is blocked');

    await card.getByTestId('acknowledge-alert').click();
    await expect(card).toHaveAttribute('data-acknowledged', 'true');
    await expect(card).toContainText('Acknowledged by admin');
    await expect(page.getByTestId('alerts-unread')).toHaveCount(0);

    // Filters: none of these are critical; the unread view is empty now.
    await page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'critical' }).click();
    await expect(page.getByText('No alert matches these filters')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Not acknowledged' }).click();
    await expect(page.getByText('No alert matches these filters')).toBeVisible();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect(page.getByTestId('alert-card').first()).toBeVisible();
  });
});
