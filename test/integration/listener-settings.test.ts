import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListenerSettingsView } from '../../media-core/contracts/listener-settings';
import { loadConfig } from '../../media-core/conf/load';
import { loginAs, spawnCore, tempDataDir } from '../fixtures/core-process';

/** A port that was free a moment ago, for a listener to move to. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('listener settings from the console', () => {
  it('saves a valid change to the data dir, refuses a bad one, and applies it at the next start', async () => {
    const dataDir = tempDataDir();
    const first = await spawnCore({ dataDir, args: ['--no-demo'] });
    const token = await loginAs(first.consoleUrl);
    const put = (body: unknown) =>
      fetch(new URL('/api/v1/system/listeners', first.consoleUrl), { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const bad = await put({ rtspPort: 70000 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/rtspPort/) });
    expect(existsSync(join(dataDir, 'config.json'))).toBe(false);

    const port = await freePort();
    const ok = await put({ rtspPort: port });
    expect(ok.status).toBe(200);
    const view = (await ok.json()) as ListenerSettingsView;
    expect(view).toMatchObject({ next: { rtspPort: port }, restartRequired: true });
    expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8'))).toEqual({ rtspPort: port });
    await first.stop();

    // The next start, given only the data dir (no port flags), takes the saved port.
    const next = loadConfig(['--data-dir', dataDir], {}).config;
    expect(next.rtspPort).toBe(port);
    expect(next.httpPort).toBe(8080);
  });
});
