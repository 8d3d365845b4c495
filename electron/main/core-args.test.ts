import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coreArgs } from './core-args';

describe('coreArgs', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps data under userData and lets the OS choose the console port', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-userdata-'));
    dirs.push(dir);
    expect(coreArgs(dir)).toEqual(['--data-dir', join(dir, 'data'), '--console-port', '0']);
  });

  it('passes config.json from userData when the operator created one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wink-userdata-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'config.json'), '{}');
    expect(coreArgs(dir)).toEqual(['--data-dir', join(dir, 'data'), '--console-port', '0', '--config', join(dir, 'config.json')]);
  });
});
