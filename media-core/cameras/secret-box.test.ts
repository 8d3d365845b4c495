import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

const dir = () => mkdtempSync(join(tmpdir(), 'wink-box-'));

describe('SecretBox', () => {
  it('creates a 32-byte key file only its owner can read, and reuses it', () => {
    const file = join(dir(), 'source-key');
    const a = SecretBox.openOrCreate(file);
    expect(readFileSync(file)).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = a.seal('rtsp://admin:s3cret@cam/x', 'cam-1');
    expect(sealed).not.toContain('s3cret');
    expect(SecretBox.openOrCreate(file).open(sealed, 'cam-1')).toBe('rtsp://admin:s3cret@cam/x');
  });

  it('tightens a key file that became readable by others', () => {
    const file = join(dir(), 'source-key');
    SecretBox.openOrCreate(file);
    chmodSync(file, 0o644);
    SecretBox.openOrCreate(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses another key, another camera, tampering and a damaged key file', () => {
    const box = SecretBox.withKey(Buffer.alloc(32, 1));
    const sealed = box.seal('secret', 'cam-1');
    expect(() => SecretBox.withKey(Buffer.alloc(32, 2)).open(sealed, 'cam-1')).toThrow(/does not open with this key/);
    expect(() => box.open(sealed, 'cam-2')).toThrow(/does not open/);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`, 'cam-1')).toThrow(/does not open/);
    const file = join(dir(), 'source-key');
    writeFileSync(file, 'short');
    expect(() => SecretBox.openOrCreate(file)).toThrow(/is not a 32-byte key/);
  });
});
