import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './defaults';
import { ConfigError, loadConfig } from './load';

const load = (argv: string[], env: NodeJS.ProcessEnv = {}) => loadConfig(argv, env).config;

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has the documented defaults: partner HTTP on 8080, console on loopback 8088, demo on', () => {
    const c = load([]);
    expect(c).toMatchObject({ httpPort: 8080, consolePort: 8088, consoleBind: '127.0.0.1', bind: '0.0.0.0', demo: true });
    expect(c.dataDir).toBe(defaultDataDir());
  });

  it('takes flags over environment over config file over defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-conf-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ httpPort: 1000, consolePort: 1001, rtspPort: 1002 }));
    const c = load(['--config', file, '--http-port', '3000'], { WINK_HTTP_PORT: '2000', WINK_CONSOLE_PORT: '2001' });
    expect(c.httpPort).toBe(3000);
    expect(c.consolePort).toBe(2001);
    expect(c.rtspPort).toBe(1002);
  });

  it('accepts port 0 (any free port) and --no-demo', () => {
    const c = load(['--http-port', '0', '--console-port', '0', '--no-demo']);
    expect(c).toMatchObject({ httpPort: 0, consolePort: 0, demo: false });
    expect(load([], { WINK_DEMO: '0' }).demo).toBe(false);
  });

  it('names every bad value and where it came from', () => {
    const p = problems(() => load(['--http-port', '70000', '--bind', 'not-an-ip'], { WINK_RTSP_PORT: 'abc' }));
    expect(p.join('\n')).toMatch(/httpPort \(--http-port\): must be between 0 and 65535/);
    expect(p.join('\n')).toMatch(/bind \(--bind\): must be an IPv4 or IPv6 address/);
    expect(p.join('\n')).toMatch(/rtspPort \(WINK_RTSP_PORT\)/);
  });

  it('refuses unknown flags and unknown config-file keys', () => {
    expect(problems(() => load(['--htp-port', '1'])).join()).toMatch(/htp-port/);
    const dir = mkdtempSync(join(tmpdir(), 'wink-conf-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ httpPorts: 1 }));
    expect(problems(() => load(['--config', join(dir, 'c.json')])).join()).toMatch(/unknown setting\(s\) httpPorts/);
  });

  it('says clearly when the config file is missing or not JSON', () => {
    expect(problems(() => load(['--config', '/nonexistent/wink.json'])).join()).toMatch(/cannot be read \(ENOENT\)/);
    const dir = mkdtempSync(join(tmpdir(), 'wink-conf-'));
    writeFileSync(join(dir, 'c.json'), '{nope');
    expect(problems(() => load(['--config', join(dir, 'c.json')])).join()).toMatch(/not valid JSON/);
  });

  it('puts data in the per-user app-data folder of each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/op')).toBe('/home/op/.config/WINK Media Router/data');
    expect(defaultDataDir('darwin', {}, '/Users/op')).toBe('/Users/op/Library/Application Support/WINK Media Router/data');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'C:\\Users\\op')).toContain('WINK Media Router');
  });
});
