import { describe, expect, it } from 'vitest';
import { loginErrorMessage } from './loginMessages';

const failure = (code: Parameters<typeof loginErrorMessage>[0]['code'], retryAfterSeconds: number | null = null) => ({
  code,
  message: 'raw server message',
  retryAfterSeconds,
});

describe('login error messages', () => {
  it('names the problem and the way forward for a wrong password', () => {
    expect(loginErrorMessage(failure('UNAUTHENTICATED'))).toBe('Wrong username or password. Check both and try again.');
  });

  it('says how long to wait when rate-limited', () => {
    expect(loginErrorMessage(failure('RATE_LIMITED', 4))).toMatch(/Wait 4 s/);
    expect(loginErrorMessage(failure('RATE_LIMITED'))).toMatch(/Wait a moment/);
  });

  it('tells the operator the core is unreachable', () => {
    expect(loginErrorMessage(failure('NETWORK'))).toMatch(/Cannot reach the media core/);
  });

  it("shows the server's message for anything unexpected", () => {
    expect(loginErrorMessage(failure('INTERNAL'))).toBe('Sign-in failed: raw server message');
  });
});
