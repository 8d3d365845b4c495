import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createShellLog } from './shell-log';

describe('shell log', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function tempFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'wink-log-'));
    dirs.push(dir);
    return join(dir, 'logs', 'wink.log');
  }

  it('writes JSON lines to the file and to the echo sink', () => {
    const file = tempFile();
    const echoed: string[] = [];
    const log = createShellLog({ file, echo: (l) => echoed.push(l) });
    log.info('window opened', { kiosk: false });
    log.close();
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', app: 'wink-shell', msg: 'window opened', kiosk: false });
    expect(echoed).toHaveLength(1);
  });

  it('passes the core’s JSON lines through and wraps anything else', () => {
    const file = tempFile();
    const log = createShellLog({ file, echo: () => {} });
    log.core('{"level":"info","app":"wink-core","msg":"listening"}', 'stdout');
    log.core('Segmentation fault', 'stderr');
    log.close();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('{"level":"info","app":"wink-core","msg":"listening"}');
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'warn', app: 'wink-core', stream: 'stderr', msg: 'Segmentation fault' });
  });

  it('keeps secrets the core prints for a terminal out of the log file', () => {
    const file = tempFile();
    const echoed: string[] = [];
    const log = createShellLog({ file, echo: (l) => echoed.push(l) });
    log.core('  Operator "admin" was created with the password: m1g5XLmhycGuGHjd', 'stderr');
    log.close();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('m1g5XLmhycGuGHjd');
    expect(text).toContain('password: [redacted]');
    expect(echoed.join('')).not.toContain('m1g5XLmhycGuGHjd');
  });

  it('rotates the file once it passes the size limit', () => {
    const file = tempFile();
    const log = createShellLog({ file, maxFileBytes: 200, echo: () => {} });
    for (let i = 0; i < 10; i++) log.info(`line ${i}`);
    log.close();
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(readFileSync(file, 'utf8').length).toBeLessThan(200);
  });
});
