import { expect, test } from './fixtures/core';
import { screenshot, sessionToken, signIn, signOut } from './fixtures/console';

test.describe('system settings', () => {
  test('an admin changes an abuse threshold and the audit retention, and both persist', async ({ page, core }) => {
    await page.goto(`${core.consoleUrl}/#/system`);
    await signIn(page, core.adminUsername, core.adminPassword);

    const retention = page.getByTestId('settings-retention');
    const days = retention.getByLabel('Keep the audit trail for (days)');
    await expect(days).toHaveValue('365');

    // Out of range: the field says why and Save stays off.
    await days.fill('3');
    await expect(retention.getByText('At least 7.')).toBeVisible();
    await expect(retention.getByRole('button', { name: 'Save' })).toBeDisabled();
    await days.fill('90');
    await retention.getByRole('button', { name: 'Save' }).click();
    await expect(retention.getByRole('status')).toHaveText('Saved.');

    const abuse = page.getByTestId('settings-abuse');
    const authFailures = abuse.getByTestId('abuse-authFailures').getByLabel('Max per minute');
    await expect(authFailures).toHaveValue('10');
    await authFailures.fill('25');
    await abuse.getByRole('button', { name: 'Save thresholds' }).click();
    await expect(abuse.getByRole('status').last()).toHaveText('Saved.');

    await page.reload();
    await expect(page.getByTestId('system-info')).toBeVisible();
    await expect(page.getByTestId('settings-retention').getByLabel('Keep the audit trail for (days)')).toHaveValue('90');
    await expect(page.getByTestId('abuse-authFailures').getByLabel('Max per minute')).toHaveValue('25');
    await expect(page.getByTestId('settings-limits').getByLabel('Connections per address')).toHaveValue('25');
    await expect(page.getByTestId('settings-notifications').getByLabel('Mail server')).toBeVisible();

    // Listener settings are saved for the next start, and the screen says so.
    const listeners = page.getByTestId('settings-listeners');
    await listeners.getByLabel('Partner RTSP').fill('8555');
    await listeners.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('listeners-restart-required')).toBeVisible();

    await screenshot(page, 'system-settings');
  });

  test('SMTP password and webhook secret are write-only; a viewer sees thresholds read-only', async ({ page, core }) => {
    await page.goto(`${core.consoleUrl}/#/system`);
    await signIn(page, core.adminUsername, core.adminPassword);

    const delivery = page.getByTestId('settings-notifications');
    await delivery.getByLabel('Mail server').fill('mail.example.com');
    await delivery.getByLabel('Password').fill('smtp-secret-1');
    await delivery.getByLabel('Operator recipients (comma separated)').fill('ops@example.com, not-an-address');
    await expect(delivery.getByText('Not an e-mail address: not-an-address')).toBeVisible();
    await delivery.getByLabel('Operator recipients (comma separated)').fill('ops@example.com');
    await delivery.getByRole('button', { name: 'Add webhook' }).click();
    await delivery.getByLabel('Webhook address').fill('https://hooks.example.com/wink');
    await delivery.getByLabel('Signing secret').fill('a-webhook-secret-of-length');
    await delivery.getByRole('button', { name: 'Save' }).click();
    await expect(delivery.getByRole('status').first()).toHaveText('Saved.');
    // The secrets went in; what comes back only says they are set.
    await expect(delivery.getByLabel('Password (set; type to replace)')).toHaveValue('');
    await expect(delivery.getByLabel('Secret (set; type to replace)')).toHaveValue('');

    const token = await sessionToken(page);
    const created = await fetch(`${core.consoleUrl}/api/v1/operators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'desk.viewer', password: 'viewer-password-1', role: 'viewer' }),
    });
    expect(created.status).toBe(201);
    await signOut(page);

    await signIn(page, 'desk.viewer', 'viewer-password-1');
    const abuse = page.getByTestId('settings-abuse');
    await expect(abuse.getByTestId('abuse-authFailures').getByLabel('Max per minute')).toBeDisabled();
    await expect(abuse.getByText('Read-only: only an admin operator can change these settings.')).toBeVisible();
    await expect(page.getByTestId('settings-retention').getByLabel('Keep the audit trail for (days)')).toBeDisabled();
    await expect(page.getByTestId('settings-limits').getByLabel('Connections per address')).toBeDisabled();
    await expect(page.getByTestId('settings-notifications')).toHaveCount(0);
  });
});
