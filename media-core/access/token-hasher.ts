import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Tokens are stored and looked up by HMAC-SHA256 under a server key. A fast hash is right
 * here: tokens are random, so there is no dictionary to try, and every lookup on the
 * segment path must be cheap. The key makes the hash useless without it: a leaked
 * database (or backup) alone does not allow an offline search even of short numeric
 * tokens. The key lives in its own file in the data directory (mode 0600), not in the
 * database, so the two have to leak together.
 */
export class TokenHasher {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('token key must be at least 32 bytes');
  }

  static fromFile(file: string): TokenHasher {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    try {
      chmodSync(file, 0o600);
    } catch {
      // Best effort (Windows has no POSIX modes).
    }
    return new TokenHasher(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  static ephemeral(): TokenHasher {
    return new TokenHasher(randomBytes(32));
  }

  hash(token: string): string {
    return createHmac('sha256', this.key).update(token, 'utf8').digest('base64url');
  }

  /** Constant-time comparison of two hashes. */
  static same(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
