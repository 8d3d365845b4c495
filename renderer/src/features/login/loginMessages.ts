import type { LoginFailure } from '../../store';

/** What the login screen says about a failed sign-in: what happened and what to do. */
export function loginErrorMessage(failure: LoginFailure): string {
  switch (failure.code) {
    case 'UNAUTHENTICATED':
      return 'Wrong username or password. Check both and try again.';
    case 'RATE_LIMITED':
      return failure.retryAfterSeconds
        ? `Too many sign-in attempts. Wait ${failure.retryAfterSeconds} s, then try again.`
        : 'Too many sign-in attempts. Wait a moment, then try again.';
    case 'NETWORK':
      return 'Cannot reach the media core. Check that it is running, then try again.';
    case 'BAD_REQUEST':
    case 'VALIDATION_FAILED':
      return 'Enter both a username and a password.';
    case 'FORBIDDEN':
      return 'This account may not use the operator console.';
    default:
      return `Sign-in failed: ${failure.message}`;
  }
}
