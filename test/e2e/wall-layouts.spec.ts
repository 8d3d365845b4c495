import { expect, test } from './fixtures/core';
import { focusedTile, screenshot, sessionToken, signIn, tile, tileOrder } from './fixtures/console';

const CAMERAS = ['demo-1', 'demo-2', 'demo-3', 'demo-4'];

test.describe('camera wall: grids, arrangement, named layouts, full screen, keyboard', () => {
  test('an operator arranges the wall, saves it as a named layout and loads it back after a reload', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);
    expect(await tileOrder(page)).toEqual(CAMERAS);

    // One camera per page: four pages.
    await page.getByTestId('grid-1').click();
    await expect(page.getByTestId('camera-tile')).toHaveCount(1);
    await expect(page.getByTestId('wall-page')).toHaveText('Page 1 of 4');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByTestId('wall-page')).toHaveText('Page 2 of 4');
    expect(await tileOrder(page)).toEqual(['demo-2']);

    // 3 × 3: four cameras and five empty slots.
    await page.getByTestId('grid-9').click();
    await expect(page.getByTestId('camera-tile')).toHaveCount(4);
    await expect(page.getByTestId('empty-slot')).toHaveCount(5);
    await expect(page.getByTestId('camera-wall')).toHaveAttribute('data-columns', '3');
    await screenshot(page, 'wall-grid-9');

    await page.getByTestId('grid-4').click();
    await expect(page.getByTestId('empty-slot')).toHaveCount(0);
    await expect(page.getByTestId('camera-wall')).toHaveAttribute('data-columns', '2');
    await expect(page.getByTestId('grid-4')).toHaveAttribute('aria-pressed', 'true');

    // Drag demo-1 onto demo-3: they swap places.
    await tile(page, 'demo-1').dragTo(tile(page, 'demo-3'));
    await expect.poll(() => tileOrder(page)).toEqual(['demo-3', 'demo-2', 'demo-1', 'demo-4']);

    await page.getByRole('button', { name: 'Save layout' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save layout' });
    await dialog.getByLabel('Name').fill('Night shift');
    await dialog.getByRole('button', { name: 'Save layout' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByLabel('Saved layout')).toHaveValue('personal:Night shift');
    await screenshot(page, 'wall-layout-saved');

    // After a reload the wall starts plain; the layout comes back from the core.
    await page.reload();
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);
    expect(await tileOrder(page)).toEqual(CAMERAS);
    await page.getByLabel('Saved layout').selectOption({ label: 'Night shift' });
    await expect(page.getByTestId('grid-4')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => tileOrder(page)).toEqual(['demo-3', 'demo-2', 'demo-1', 'demo-4']);
    await expect(page.getByTestId('layout-modified')).toHaveCount(0);
  });

  test('double-click shows one camera full screen, playing; Escape and double-click go back', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);

    await tile(page, 'demo-2').dblclick();
    const full = page.getByTestId('wall-fullscreen').getByTestId('camera-tile');
    await expect(full).toHaveAttribute('data-camera-id', 'demo-2');
    await expect(page.getByTestId('camera-tile')).toHaveCount(1);
    await expect(full).toHaveAttribute('data-playback', 'playing', { timeout: 90_000 });
    await screenshot(page, 'wall-fullscreen');

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);

    await tile(page, 'demo-4').dblclick();
    await expect(full).toHaveAttribute('data-camera-id', 'demo-4');
    await full.dblclick();
    await expect(page.getByTestId('wall-fullscreen')).toHaveCount(0);
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);

    await page.getByTestId('grid-4').click();
    await tile(page, 'demo-1').dblclick();
    await page.getByTestId('fullscreen-back').click();
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);
  });

  test('the wall works from the keyboard, with the shortcuts documented under ?', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);
    const focused = () => focusedTile(page);

    await page.keyboard.press('4');
    await expect(page.getByTestId('grid-4')).toHaveAttribute('aria-pressed', 'true');

    // The first arrow selects the first tile; then arrows move in the 2 × 2 grid.
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('demo-1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('demo-2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('demo-4');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toBe('demo-3');

    // Shift+arrow moves the selected tile itself.
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => tileOrder(page)).toEqual(['demo-3', 'demo-2', 'demo-1', 'demo-4']);
    await expect.poll(focused).toBe('demo-3');

    // Enter: full screen; arrows step through the cameras; Escape: back, same tile selected.
    await page.keyboard.press('Enter');
    const full = page.getByTestId('wall-fullscreen').getByTestId('camera-tile');
    await expect(full).toHaveAttribute('data-camera-id', 'demo-3');
    await page.keyboard.press('ArrowRight');
    await expect(full).toHaveAttribute('data-camera-id', 'demo-2');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);
    await expect.poll(focused).toBe('demo-2');

    await page.keyboard.press('9');
    await expect(page.getByTestId('grid-9')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('1');
    await expect(page.getByTestId('camera-tile')).toHaveCount(1);
    await expect(page.getByTestId('camera-tile')).toHaveAttribute('data-camera-id', 'demo-2');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('wall-page')).toHaveText('Page 3 of 4');
    await page.keyboard.press('0');
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);

    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Move between tiles');
    await screenshot(page, 'wall-shortcuts');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });

  test('camera groups: an admin makes one and the wall shows only its cameras', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);

    await page.getByRole('button', { name: 'Groups' }).click();
    const dialog = page.getByTestId('groups-dialog');
    await dialog.getByLabel('Group name').fill('Entrances');
    await dialog.getByLabel('Demo camera 4').check();
    await dialog.getByLabel('Demo camera 2').check();
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await expect(dialog.getByRole('button', { name: /Entrances/ })).toBeVisible();
    await screenshot(page, 'wall-groups');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Camera group').selectOption('Entrances');
    await expect.poll(() => tileOrder(page)).toEqual(['demo-4', 'demo-2']);
    await page.getByLabel('Camera group').selectOption('');
    await expect(page.getByTestId('camera-tile')).toHaveCount(CAMERAS.length);
  });
});

test.describe('camera wall: cameras that cannot deliver', () => {
  test('a down tile says why, over the last picture when the core has one', async ({ page, core }) => {
    await page.goto(core.consoleUrl);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(tile(page, 'demo-3')).toHaveAttribute('data-playback', 'playing', { timeout: 90_000 });
    const token = await sessionToken(page);
    const headers = { authorization: `Bearer ${token}` };

    // A source nobody answers: a closed port on loopback.
    const created = await page.request.post(`${core.consoleUrl}/api/v1/cameras`, {
      headers,
      data: { id: 'dead-end', name: 'Dead end', source: 'rtsp://127.0.0.1:9/nothing' },
    });
    expect(created.status()).toBe(201);
    const dead = tile(page, 'dead-end');
    await expect(dead).toHaveAttribute('data-status', /offline|error/, { timeout: 60_000 });
    await expect(dead.getByTestId('camera-status-reason')).not.toBeEmpty();

    // A camera turned off keeps its last picture on the wall, marked as such.
    const disabled = await page.request.patch(`${core.consoleUrl}/api/v1/cameras/demo-3`, { headers, data: { enabled: false } });
    expect(disabled.status()).toBe(200);
    const off = tile(page, 'demo-3');
    await expect(off).toHaveAttribute('data-status', 'disabled');
    await expect(off.getByTestId('camera-status-reason')).toBeVisible();
    await expect(off.getByTestId('camera-snapshot')).toBeVisible();
    await screenshot(page, 'wall-offline');
  });
});
