import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, test } from './fixtures/core';

const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const DEMO_CAMERAS = ['demo-1', 'demo-2', 'demo-3', 'demo-4'];

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function videoTime(page: Page, cameraId: string): Promise<number> {
  return page
    .locator(`[data-testid="camera-tile"][data-camera-id="${cameraId}"] video`)
    .evaluate((video) => (video as unknown as { currentTime: number }).currentTime);
}

test.describe('operator console in a browser', () => {
  test('an operator signs in and every demo camera plays live on the wall', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);

    await expect(page.getByTestId('camera-wall')).toBeVisible();
    const tiles = page.getByTestId('camera-tile');
    await expect(tiles).toHaveCount(DEMO_CAMERAS.length);
    const ids = await tiles.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-camera-id')));
    expect([...ids].sort()).toEqual(DEMO_CAMERAS);
    await expect(page.getByTestId('operator')).toContainText(core.adminUsername);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');

    for (const id of DEMO_CAMERAS) {
      await expect.poll(() => videoTime(page, id), { message: `${id} starts playing`, timeout: 60_000 }).toBeGreaterThan(0);
      const before = await videoTime(page, id);
      await expect.poll(() => videoTime(page, id), { message: `${id} keeps playing`, timeout: 30_000 }).toBeGreaterThan(before);
    }

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'wall.png'), fullPage: true });
  });

  test('the session survives a reload and ends on sign-out', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByTestId('camera-tile')).toHaveCount(DEMO_CAMERAS.length);

    await page.reload();
    await expect(page.getByTestId('camera-tile')).toHaveCount(DEMO_CAMERAS.length);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('camera-wall')).toHaveCount(0);
  });

  test('a wrong password is refused with a message and no wall', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, `${core.adminPassword}-wrong`);

    await expect(page.getByTestId('login-error')).toContainText('Wrong username or password');
    await expect(page.getByTestId('camera-wall')).toHaveCount(0);
  });
});
