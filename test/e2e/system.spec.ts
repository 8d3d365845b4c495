import { expect, test } from './fixtures/core';
import { screenshot, signIn, signOut } from './fixtures/console';

test.describe('system section and operator accounts', () => {
  test('an admin sees listeners, health and resources, and manages operator accounts', async ({ page, core }) => {
    await page.goto(`${core.consoleUrl}/#/system`);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByTestId('system-info')).toBeVisible();

    const listeners = page.getByTestId('listener-row');
    await expect(listeners.filter({ hasText: 'console' })).toContainText(core.listen.console!.split(':').pop()!);
    await expect(listeners.filter({ hasText: 'http' })).toContainText(core.listen.http!.split(':').pop()!);
    await expect(page.getByTestId('system-cpu')).toContainText('% of');
    await expect(page.getByTestId('system-db-size')).toContainText('B');
    await expect(page.getByTestId('system-pipelines')).toContainText('cameras');

    const rows = page.getByTestId('operator-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('admin');
    // Nobody deletes themselves, nor the last admin.
    await expect(page.getByRole('button', { name: 'Delete admin' })).toBeDisabled();

    await page.getByRole('button', { name: 'Add operator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add operator' });
    await dialog.getByLabel('Username').fill('night.viewer');
    await dialog.getByLabel('Password').fill('watch-the-night-1');
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Add operator' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(rows).toHaveCount(2);
    await expect(page.locator('[data-testid="operator-row"][data-username="night.viewer"]')).toContainText('night.viewer');

    // A taken name is refused with the core's message, and the dialog stays open.
    await page.getByRole('button', { name: 'Add operator' }).click();
    await dialog.getByLabel('Username').fill('night.viewer');
    await dialog.getByLabel('Password').fill('another-password');
    await dialog.getByRole('button', { name: 'Add operator' }).click();
    await expect(dialog.getByRole('alert')).toContainText('already exists');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Create, then delete, a temporary operator (with confirmation).
    await page.getByRole('button', { name: 'Add operator' }).click();
    await dialog.getByLabel('Username').fill('temp');
    await dialog.getByLabel('Password').fill('temporary-pass');
    await dialog.getByRole('button', { name: 'Add operator' }).click();
    await expect(rows).toHaveCount(3);
    await page.getByRole('button', { name: 'Delete temp' }).click();
    await page.getByRole('dialog', { name: 'Delete operator?' }).getByRole('button', { name: 'Delete operator' }).click();
    await expect(rows).toHaveCount(2);

    await screenshot(page, 'system');
  });

  test('a viewer sees everything read-only: admin actions are disabled', async ({ page, core }) => {
    await page.goto(`${core.consoleUrl}/#/system`);
    await signIn(page, core.adminUsername, core.adminPassword);
    await page.getByRole('button', { name: 'Add operator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add operator' });
    await dialog.getByLabel('Username').fill('desk.viewer');
    await dialog.getByLabel('Password').fill('viewer-password-1');
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Add operator' }).click();
    await expect(page.getByTestId('operator-row')).toHaveCount(2);
    await signOut(page);

    await signIn(page, 'desk.viewer', 'viewer-password-1');
    await expect(page.getByTestId('operator')).toContainText('viewer');
    await expect(page.getByTestId('system-info')).toBeVisible();
    await expect(page.getByTestId('read-only-notice')).toBeVisible();
    await expect(page.getByTestId('operator-row')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Add operator' })).toBeDisabled();
    for (const button of await page.getByRole('button', { name: 'Reset password' }).all()) await expect(button).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Delete admin' })).toBeDisabled();
    await expect(page.getByLabel('Role of admin')).toBeDisabled();
    await screenshot(page, 'system-viewer');

    // On the wall: personal layouts yes, shared ones and camera groups no.
    await page.getByRole('link', { name: 'Wall' }).click();
    await expect(page.getByTestId('camera-tile')).toHaveCount(4);
    await page.getByRole('button', { name: 'Save layout' }).click();
    const save = page.getByRole('dialog', { name: 'Save layout' });
    await expect(save.getByLabel('Share with every operator')).toBeDisabled();
    await save.getByLabel('Name').fill('My desk');
    await save.getByRole('button', { name: 'Save layout' }).click();
    await expect(page.getByLabel('Saved layout')).toHaveValue('personal:My desk');

    await page.getByRole('button', { name: 'Groups' }).click();
    const groups = page.getByTestId('groups-dialog');
    await expect(groups).toContainText('Only admins change camera groups');
    await expect(groups.getByRole('button', { name: 'New group' })).toHaveCount(0);
    await screenshot(page, 'wall-viewer-groups');
  });
});
