import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, test } from './fixtures/core';
import { screenshot, signIn, tile } from './fixtures/console';

// An operator creates a partner from a preset, issues a test token, plays the HLS URL the
// console hands out, watches the session appear on the wall, and revokes it.

const HLS_JS = readFileSync(join(REPO_ROOT, 'node_modules/hls.js/dist/hls.min.js'), 'utf8');

/** A player page served (by Playwright) from the partner listener's own origin, so the
 *  stream needs no CORS: what a partner gets when it opens the URL in a player. */
async function openPlayer(page: Page, streamUrl: string): Promise<void> {
  const origin = new URL(streamUrl).origin;
  await page.route(`${origin}/e2e-player`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><video id="v" muted autoplay playsinline width="480"></video>' }),
  );
  await page.goto(`${origin}/e2e-player`);
  await page.addScriptTag({ content: HLS_JS });
  // A string: test/ is compiled without the DOM library.
  await page.evaluate(`(() => {
    window.errors = [];
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_e, d) => { if (d.fatal) window.errors.push(d.details); });
    hls.loadSource(${JSON.stringify(streamUrl)});
    hls.attachMedia(document.getElementById('v'));
  })()`);
}

const playedSeconds = (page: Page) => page.locator('#v').evaluate((v) => (v as unknown as { currentTime: number }).currentTime);

test.describe('partners', () => {
  test('create from a preset, play the test-token URL, see the watcher on the wall, revoke it', async ({ page, core, context }) => {
    test.setTimeout(300_000);
    await page.goto(`${core.consoleUrl}/#/partners`);
    await signIn(page, core.adminUsername, core.adminPassword);
    await expect(page.getByText('No partners yet')).toBeVisible();

    // Create from the "News media" preset, granting Demo camera 1.
    await page.getByTestId('new-partner').click();
    const dialog = page.getByTestId('create-partner');
    await dialog.getByTestId('preset').filter({ hasText: 'News media' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('Herald news desk');
    await dialog.getByLabel('Technical contact (e-mail, optional)').fill('streams@herald.example');
    await dialog.getByPlaceholder('Search cameras').fill('camera 1');
    await dialog.getByRole('checkbox', { name: /Demo camera 1/ }).check();
    await screenshot(page, 'partner-create');
    await dialog.getByTestId('create-partner-submit').click();

    // The API credentials are shown once.
    const secret = page.getByTestId('secret-dialog');
    await expect(secret.getByTestId('created-apipass')).not.toHaveValue('');
    await screenshot(page, 'partner-credentials');
    await secret.getByRole('button', { name: 'I have copied it' }).click();
    const detail = page.getByTestId('partner-detail');
    await expect(detail).toContainText('Herald news desk');
    await expect(detail.getByTestId('partner-status')).toHaveText('Active');

    // A test token and its ready-to-copy URLs.
    await detail.getByRole('tab', { name: 'Access and tokens' }).click();
    await detail.getByTestId('issue-test-token').click();
    const hlsField = detail.getByTestId('stream-url-hls');
    await expect(hlsField).toHaveValue(/\/hls\/demo-1\/playlist\.m3u8\?token=/);
    await expect(detail.getByTestId('stream-url-rtsp')).toHaveValue(/^rtsp:\/\/127\.0\.0\.1:\d+\/demo-1\?token=/);
    const hlsUrl = await hlsField.inputValue();
    expect(new URL(hlsUrl).port).toBe(core.listen.http!.split(':').pop());
    await expect(detail.getByTestId('token-row')).toHaveCount(1);
    await screenshot(page, 'partner-access');

    // The partner's player plays it.
    await expect.poll(async () => (await fetch(hlsUrl)).status, { message: 'demo-1 is live for partners', timeout: 90_000 }).toBe(200);
    const player = await context.newPage();
    await openPlayer(player, hlsUrl);
    await expect
      .poll(async () => ((await player.evaluate<string[]>('window.errors')).length ? -1 : await playedSeconds(player)), {
        message: 'the test-token URL plays',
        timeout: 90_000,
      })
      .toBeGreaterThan(1);

    // Who is watching: on the partner page and on the camera's tile.
    await detail.getByRole('tab', { name: 'Overview' }).click();
    await expect(detail.getByTestId('live-session-row')).toHaveCount(1, { timeout: 30_000 });
    await expect(detail.getByTestId('chart-bandwidth')).toBeVisible();
    await screenshot(page, 'partner-overview');

    await page.getByRole('link', { name: 'Wall' }).click();
    const watchers = tile(page, 'demo-1').getByTestId('tile-watchers-count');
    await expect(watchers).toHaveAttribute('data-count', '1', { timeout: 30_000 });
    await watchers.click();
    await expect(tile(page, 'demo-1').getByTestId('tile-watcher')).toContainText('Herald news desk');
    await expect(tile(page, 'demo-1').getByTestId('tile-watcher')).toContainText('HLS');
    await screenshot(page, 'wall-watchers');
    await watchers.click();

    // Revoke every token: the session ends and the tile's count drops.
    await page.getByRole('link', { name: 'Partners' }).click();
    await expect(page.getByTestId('partner-row')).toHaveCount(1);
    await expect(page.getByTestId('partner-live')).toHaveText('1', { timeout: 30_000 });
    await screenshot(page, 'partners');
    await page.getByRole('link', { name: 'Herald news desk' }).click();
    await page.getByRole('tab', { name: 'Access and tokens' }).click();
    await page.getByTestId('revoke-all-tokens').click();
    const confirm = page.getByRole('dialog', { name: 'Revoke every token?' });
    await expect(confirm).toContainText('sessions using them end at once');
    await confirm.getByRole('button', { name: 'Revoke 1 token' }).click();
    await expect(page.locator('[data-testid="token-row"][data-status="revoked"]')).toHaveCount(1);

    await page.getByRole('link', { name: 'Wall' }).click();
    await expect(watchers).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await player.close();
  });

  test('edit the settings: allow-list CIDRs are validated, access hours and limits saved', async ({ page, core }) => {
    await page.goto(`${core.consoleUrl}/#/partners`);
    await signIn(page, core.adminUsername, core.adminPassword);
    await page.getByTestId('new-partner').click();
    const dialog = page.getByTestId('create-partner');
    await dialog.getByTestId('preset').filter({ hasText: 'Partner agency VMS' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('County VMS');
    await dialog.getByRole('checkbox', { name: /Demo camera 2/ }).check();
    await dialog.getByLabel('Add to IP allow-list').fill('10.20.0.0/16');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByTestId('create-partner-submit').click();
    await page.getByTestId('secret-dialog').getByRole('button', { name: 'I have copied it' }).click();

    const detail = page.getByTestId('partner-detail');
    await detail.getByRole('tab', { name: 'Settings' }).click();
    const settings = detail.getByTestId('partner-settings');
    const allowList = settings.getByTestId('ip-allow-list');
    await expect(allowList).toContainText('10.20.0.0/16');
    await allowList.getByLabel('Add to IP allow-list').fill('10.0.0.0/33');
    await allowList.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(allowList.getByRole('alert')).toContainText('not an IPv4/IPv6 address or CIDR');
    await allowList.getByLabel('Add to IP allow-list').fill('2001:db8::/48');
    await allowList.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(allowList).toContainText('2001:db8::/48');

    await settings.getByLabel('Max concurrent sessions').fill('4');
    await settings.getByRole('radio', { name: 'Weekly windows' }).check();
    await settings.getByLabel('Time zone (IANA)').fill('Europe/Berlin');
    await settings.getByTestId('save-partner').click();
    await expect(settings.getByRole('status')).toContainText('Saved');
    await screenshot(page, 'partner-settings');

    await page.reload();
    await detail.getByRole('tab', { name: 'Settings' }).click();
    await expect(settings.getByTestId('ip-allow-list')).toContainText('2001:db8::/48');
    await expect(settings.getByLabel('Max concurrent sessions')).toHaveValue('4');
    await expect(settings.getByLabel('Time zone (IANA)')).toHaveValue('Europe/Berlin');

    // Suspend, with a confirmation that says what happens, then reinstate.
    await detail.getByTestId('suspend-partner').click();
    const confirm = page.getByRole('dialog', { name: 'Suspend partner?' });
    await expect(confirm).toContainText('refused at once on every protocol');
    await confirm.getByRole('button', { name: 'Suspend partner' }).click();
    await expect(detail.getByTestId('partner-status')).toHaveText('Suspended');
    await detail.getByTestId('reinstate-partner').click();
    await page.getByRole('dialog', { name: 'Reinstate partner?' }).getByRole('button', { name: 'Reinstate partner' }).click();
    await expect(detail.getByTestId('partner-status')).toHaveText('Active');
  });
});
