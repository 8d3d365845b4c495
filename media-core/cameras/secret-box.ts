// Camera source addresses carry passwords. They are stored sealed (AES-256-GCM) under a
// key that lives in its own file of the data dir, readable by the appliance's user only:
// a copy of the database file alone reveals no camera password. Anyone with both files
// (a full backup of the data dir) can read them — back the data dir up accordingly.

import { chmodSync, closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'v1:';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** Reads the key file, creating it (mode 0600, 32 random bytes) if there is none. */
  static openOrCreate(keyFile: string): SecretBox {
    try {
      const fd = openSync(keyFile, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(KEY_BYTES));
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const key = readFileSync(keyFile);
    if (key.length !== KEY_BYTES) throw new SecretBoxError(`${keyFile} is not a ${KEY_BYTES}-byte key (it is ${key.length} bytes); restore it from a backup`);
    // A key file made readable by others (copied around, restored from a backup) is tightened again.
    if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
    return new SecretBox(key);
  }

  /** For tests and tools: a box with a given key. */
  static withKey(key: Buffer): SecretBox {
    if (key.length !== KEY_BYTES) throw new SecretBoxError(`a key is ${KEY_BYTES} bytes`);
    return new SecretBox(Buffer.from(key));
  }

  /** `context` (the camera id) is bound to the sealed value: it cannot be moved to another camera. */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string, context: string): string {
    if (!sealed.startsWith(PREFIX)) throw new SecretBoxError('not a sealed value');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed value does not open with this key (the key file was replaced, or the value was tampered with)');
    }
  }
}
