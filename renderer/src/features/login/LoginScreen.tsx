import { useState } from 'react';
import type { FormEvent } from 'react';
import { LogoMark } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { sessionSelectors, useConsoleStore } from '../../store';
import './login.css';
import { loginErrorMessage } from './loginMessages';
import { useCountdown } from './useCountdown';

export function LoginScreen() {
  const login = useConsoleStore((s) => s.login);
  const clearLoginError = useConsoleStore((s) => s.clearLoginError);
  const signingIn = useConsoleStore(sessionSelectors.isSigningIn);
  const error = useConsoleStore(sessionSelectors.loginError);
  const expired = useConsoleStore(sessionSelectors.endedBecauseExpired);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const waitSeconds = useCountdown(error?.code === 'RATE_LIMITED' ? error.retryAfterSeconds : null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signingIn || waitSeconds > 0) return;
    void login(username.trim(), password);
  };

  const credentialsRejected = error?.code === 'UNAUTHENTICATED';

  return (
    <div className="login">
      <div className="login__panel">
        <header className="login__brand">
          <span className="login__logo">
            <LogoMark size={26} />
          </span>
          <div>
            <div className="login__product">WINK Media Router</div>
            <div className="login__subtitle">Operator console</div>
          </div>
        </header>

        <form className="login__form" onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <h1 className="login__title">Sign in</h1>

          {expired && !error && (
            <p className="login__notice" role="status">
              Your session expired. Sign in again to continue.
            </p>
          )}

          {error && (
            <p className="login__error" id="login-error" role="alert" data-testid="login-error">
              {loginErrorMessage(error)}
            </p>
          )}

          <label className="field">
            <span className="field__label">Username</span>
            <input
              className="field__input"
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              aria-invalid={credentialsRejected}
              onChange={(e) => {
                setUsername(e.target.value);
                if (error) clearLoginError();
              }}
            />
          </label>

          <label className="field">
            <span className="field__label">Password</span>
            <input
              className="field__input"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={credentialsRejected}
              onChange={(e) => {
                setPassword(e.target.value);
                if (error && error.code !== 'RATE_LIMITED') clearLoginError();
              }}
            />
          </label>

          <button
            type="submit"
            className="button button--primary login__submit"
            disabled={signingIn || waitSeconds > 0 || username.trim() === '' || password === ''}
          >
            {signingIn ? <Spinner size={16} /> : null}
            {signingIn ? 'Signing in…' : waitSeconds > 0 ? `Try again in ${waitSeconds} s` : 'Sign in'}
          </button>
        </form>

        <footer className="login__footer">
          Operators only. Partners reach cameras through their own stream URLs, not this console.
        </footer>
      </div>
    </div>
  );
}
