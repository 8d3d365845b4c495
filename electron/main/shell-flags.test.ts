import { describe, expect, it } from 'vitest';
import { parseShellFlags } from './shell-flags';

describe('parseShellFlags', () => {
  it('defaults to a normal, visible window in the standard userData folder', () => {
    expect(parseShellFlags(['/opt/wink/wink', 'out/main/index.js', '--no-sandbox'])).toEqual({
      kiosk: false,
      hidden: false,
      userDataDir: null,
    });
  });

  it('reads --kiosk, --hidden and both forms of --user-data-dir', () => {
    expect(parseShellFlags(['app', '--kiosk', '--hidden', '--user-data-dir=/tmp/a'])).toEqual({
      kiosk: true,
      hidden: true,
      userDataDir: '/tmp/a',
    });
    expect(parseShellFlags(['app', '--user-data-dir', '/tmp/b']).userDataDir).toBe('/tmp/b');
  });

  it('turns kiosk mode on from WINK_KIOSK=1 for installs that cannot pass flags', () => {
    expect(parseShellFlags(['app'], { WINK_KIOSK: '1' }).kiosk).toBe(true);
  });
});
