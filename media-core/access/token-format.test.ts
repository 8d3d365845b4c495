import { describe, expect, it } from 'vitest';
import { TOKEN_LENGTHS } from '../contracts/partner-requests';
import { entropyBits, generateToken } from './token-format';

describe('OTP token format', () => {
  it('makes tokens of the asked alphabet and length', () => {
    expect(generateToken('numeric', 20)).toMatch(/^\d{20}$/);
    expect(generateToken('hex', 32)).toMatch(/^[0-9a-f]{32}$/);
    expect(generateToken('alphanumeric', 24)).toMatch(/^[A-Za-z0-9]{24}$/);
  });

  it('refuses lengths outside the safe bounds', () => {
    expect(() => generateToken('numeric', 12)).toThrow(RangeError);
    expect(() => generateToken('hex', 65)).toThrow(RangeError);
  });

  it('keeps every allowed token above 50 bits of entropy', () => {
    for (const [type, { min }] of Object.entries(TOKEN_LENGTHS)) {
      expect(entropyBits(type as keyof typeof TOKEN_LENGTHS, min)).toBeGreaterThan(50);
    }
  });

  it('draws every digit about equally often', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 500; i++) for (const c of generateToken('numeric', 20)) counts[Number(c)]++;
    // 10,000 digits: each ~1000; a biased generator (e.g. byte % 10) would still pass this
    // loosely, so the bound only guards against gross mistakes such as a constant digit.
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });
});
