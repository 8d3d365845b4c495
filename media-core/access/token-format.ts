import { randomInt } from 'node:crypto';
import { TOKEN_LENGTHS } from '../contracts/partner-requests';
import type { TokenHashType } from '../contracts/partners';

const ALPHABETS: Record<TokenHashType, string> = {
  numeric: '0123456789',
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
};

/** A token of `length` characters drawn uniformly from the type's alphabet with Node's
 *  CSPRNG (randomInt rejects biased draws, so every character is uniform). */
export function generateToken(type: TokenHashType, length: number): string {
  const { min, max } = TOKEN_LENGTHS[type];
  if (!Number.isInteger(length) || length < min || length > max) throw new RangeError(`${type} tokens are ${min}-${max} characters long`);
  const alphabet = ALPHABETS[type];
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function entropyBits(type: TokenHashType, length: number): number {
  return length * Math.log2(ALPHABETS[type].length);
}

/** Cheap shape check before hashing: anything that cannot be one of our tokens is
 *  unknown without touching the token map. */
export function looksLikeToken(s: string): boolean {
  return s.length >= 9 && s.length <= 64 && /^[A-Za-z0-9]+$/.test(s);
}
