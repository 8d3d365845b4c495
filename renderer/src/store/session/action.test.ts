import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { createHarness, settle, signedIn } from '../testing';
import { sessionSelectors } from './selectors';

describe('session slice', () => {
  describe('start-up', () => {
    it('shows the login screen when there is neither a desktop token nor a saved one', async () => {
      const { store, api } = createHarness();
      expect(sessionSelectors.status(store.getState())).toBe('checking');

      await store.getState().bootstrap();

      expect(sessionSelectors.status(store.getState())).toBe('signedOut');
      expect(sessionSelectors.loginError(store.getState())).toBeNull();
      expect(api.calls).toEqual([]);
    });

    it('signs in with the token the desktop preload gives, skipping the login screen', async () => {
      const { store, api, events } = createHarness({ desktop: { consoleUrl: 'http://127.0.0.1:1', operatorToken: 'desk' } });
      api.validTokens.add('desk');

      await store.getState().bootstrap();
      await settle();

      const state = store.getState();
      expect(sessionSelectors.status(state)).toBe('signedIn');
      expect(sessionSelectors.token(state)).toBe('desk');
      expect(sessionSelectors.operatorName(state)).toBe('admin');
      expect(sessionSelectors.source(state)).toBe('desktop');
      expect(events.current).toBeDefined();
      expect(state.cameraIds).toEqual(['demo-1', 'demo-2']);
    });

    it('restores a saved browser session while its token is still valid', async () => {
      const { store, api } = createHarness({ savedToken: 'saved' });
      api.validTokens.add('saved');

      await store.getState().bootstrap();

      expect(sessionSelectors.status(store.getState())).toBe('signedIn');
      expect(sessionSelectors.source(store.getState())).toBe('restored');
    });

    it('forgets a saved token the core no longer accepts and shows login without an error', async () => {
      const { store, tokens } = createHarness({ savedToken: 'stale' });

      await store.getState().bootstrap();

      expect(sessionSelectors.status(store.getState())).toBe('signedOut');
      expect(sessionSelectors.loginError(store.getState())).toBeNull();
      expect(tokens.read()).toBeNull();
    });

    it('runs once however often the app mounts', async () => {
      const { store, api } = createHarness({ savedToken: 'saved' });
      api.validTokens.add('saved');

      await Promise.all([store.getState().bootstrap(), store.getState().bootstrap()]);

      expect(api.calls.filter((c) => c === 'me')).toHaveLength(1);
    });

    it('says so when the core cannot be reached at start-up', async () => {
      const { store, api } = createHarness({ savedToken: 'saved' });
      api.failNext('me', new ConsoleApiError('NETWORK', 'The media core did not answer (fetch failed).', 0));

      await store.getState().bootstrap();

      expect(sessionSelectors.status(store.getState())).toBe('signedOut');
      expect(sessionSelectors.loginError(store.getState())?.code).toBe('NETWORK');
    });
  });

  describe('login', () => {
    it('keeps the token and operator, saves the token, and starts the live wall', async () => {
      const harness = createHarness();
      const token = await signedIn(harness);

      const state = harness.store.getState();
      expect(sessionSelectors.isSignedIn(state)).toBe(true);
      expect(sessionSelectors.operator(state)).toEqual({ username: 'admin', role: 'admin' });
      expect(harness.tokens.read()).toBe(token);
      expect(harness.events.current).toBeDefined();
      expect(harness.events.active[0]?.token).toBe(token);
      expect(state.camerasLoad).toBe('ready');
    });

    it('reports a wrong password with the API error code and stays signed out', async () => {
      const { store, events } = createHarness();

      await store.getState().login('admin', 'wrong');

      const state = store.getState();
      expect(sessionSelectors.status(state)).toBe('signedOut');
      expect(sessionSelectors.loginError(state)).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(events.subscriptions).toHaveLength(0);
    });

    it('carries the Retry-After of a rate-limited login', async () => {
      const { store, api } = createHarness();
      api.failNext('login', new ConsoleApiError('RATE_LIMITED', 'Too many requests', 429, 3));

      await store.getState().login('admin', api.password);

      expect(sessionSelectors.loginError(store.getState())).toEqual({
        code: 'RATE_LIMITED',
        message: 'Too many requests',
        retryAfterSeconds: 3,
      });
    });

    it('clears the previous error when the operator tries again', async () => {
      const { store, api } = createHarness();
      await store.getState().login('admin', 'wrong');

      await store.getState().login('admin', api.password);

      expect(sessionSelectors.loginError(store.getState())).toBeNull();
      expect(sessionSelectors.isSignedIn(store.getState())).toBe(true);
    });
  });

  describe('logout', () => {
    it('ends the session here and on the core, and stops the live stream', async () => {
      const harness = createHarness();
      const token = await signedIn(harness);

      await harness.store.getState().logout();

      const state = harness.store.getState();
      expect(sessionSelectors.status(state)).toBe('signedOut');
      expect(sessionSelectors.token(state)).toBeNull();
      expect(state.sessionEnded).toBe('signedOut');
      expect(state.cameraIds).toEqual([]);
      expect(state.connection).toBe('idle');
      expect(harness.events.active).toHaveLength(0);
      expect(harness.tokens.read()).toBeNull();
      expect(harness.api.validTokens.has(token)).toBe(false);
    });

    it('signs out locally even when the core does not answer', async () => {
      const harness = createHarness();
      await signedIn(harness);
      harness.api.failNext('logout', new ConsoleApiError('NETWORK', 'down', 0));

      await harness.store.getState().logout();

      expect(sessionSelectors.status(harness.store.getState())).toBe('signedOut');
    });
  });

  describe('expiry', () => {
    it('returns to login with an "expired" notice when any call answers 401', async () => {
      const harness = createHarness();
      const token = await signedIn(harness);
      harness.api.validTokens.delete(token);

      await harness.store.getState().loadSystem();

      const state = harness.store.getState();
      expect(sessionSelectors.status(state)).toBe('signedOut');
      expect(sessionSelectors.endedBecauseExpired(state)).toBe(true);
      expect(state.system).toBeNull();
      expect(harness.events.active).toHaveLength(0);
    });
  });
});
