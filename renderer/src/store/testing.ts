// Fakes for the store's services, shared by the slice tests. Not imported by the app.
import type { Camera, CameraCreateRequest, CameraStatus, CameraUpdateRequest, LoginRequest, LoginResponse, Operator, SystemInfo } from '../../../media-core/contracts/api';
import type { ConsoleApi } from '../services/consoleApi';
import { ConsoleApiError } from '../services/consoleApiError';
import type { DesktopBridge, DesktopConsoleInfo } from '../services/desktopBridge';
import type { ConsoleEvents, EventStreamHandlers } from '../services/events';
import { createMemoryTokenStorage } from '../services/tokenStorage';
import type { TokenStorage } from '../services/tokenStorage';
import { createConsoleStore } from './createConsoleStore';
import { FakeNotifier } from './fakes/fakeNotifier';
import { FakeSettingsApi } from './fakes/fakeSettingsApi';

export function camera(id: string, status: CameraStatus = 'live', overrides: Partial<Camera> = {}): Camera {
  return {
    id,
    name: `Camera ${id}`,
    kind: 'demo',
    enabled: status !== 'disabled',
    status,
    statusReason: status === 'offline' ? 'The camera does not answer; retrying.' : null,
    statusSince: '2024-10-01T00:00:00.000Z',
    stats: {
      videoCodec: 'h264',
      profile: 'Constrained Baseline',
      width: 1280,
      height: 720,
      fps: 25,
      bitrate: 1_500_000,
      hasAudio: false,
      uptime: 12,
      restarts: 0,
    },
    ...overrides,
  };
}

export const systemInfo: SystemInfo = {
  version: '0.1.0',
  startedAt: '2024-10-01T00:00:00.000Z',
  listeners: { http: '0.0.0.0:8080', console: '127.0.0.1:8090' },
  dataDir: '/var/lib/wink',
  ffmpeg: { path: '/usr/bin/ffmpeg', source: 'system', version: '5.1' },
};

type Method = keyof ConsoleApi;

/** An in-memory console API: one operator, tokens it issued, a camera list; layouts,
 *  camera groups, operator accounts, partners, sessions, alerts and the audit trail come
 *  from the fakes/ it extends. */
export class FakeConsoleApi extends FakeSettingsApi implements ConsoleApi {
  readonly operator: Operator = { username: 'admin', role: 'admin' };
  password = 'correct horse';
  cameras: Camera[] = [camera('demo-1'), camera('demo-2')];
  system: SystemInfo = systemInfo;
  readonly validTokens = new Set<string>();
  readonly calls: Method[] = [];
  private readonly failures = new Map<Method, ConsoleApiError>();
  private issued = 0;

  /** The next call of `method` rejects with this error (once). */
  failNext(method: Method, error: ConsoleApiError): void {
    this.failures.set(method, error);
  }

  issueToken(): string {
    this.issued += 1;
    const token = `token-${this.issued}`;
    this.validTokens.add(token);
    return token;
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    this.enter('login');
    if (request.username !== this.operator.username || request.password !== this.password) {
      throw new ConsoleApiError('UNAUTHENTICATED', 'Invalid username or password', 401);
    }
    return { token: this.issueToken(), operator: this.operator, expiresIn: 3600 };
  }

  async logout(token: string): Promise<void> {
    this.enter('logout');
    this.validTokens.delete(token);
  }

  async me(token: string): Promise<Operator> {
    this.authorize('me', token);
    return this.operator;
  }

  async listCameras(token: string): Promise<Camera[]> {
    this.authorize('listCameras', token);
    return this.cameras;
  }

  async getCamera(token: string, id: string): Promise<Camera> {
    this.authorize('getCamera', token);
    const found = this.cameras.find((c) => c.id === id);
    if (!found) throw new ConsoleApiError('NOT_FOUND', 'No such camera', 404);
    return found;
  }

  async createCamera(token: string, request: CameraCreateRequest): Promise<Camera> {
    this.authorize('createCamera', token);
    const { id, name, source } = request;
    const created = camera(id, 'starting', { name, kind: 'source', source, hasCredentials: Boolean(request.password) });
    this.cameras = [...this.cameras, created];
    return created;
  }

  async updateCamera(token: string, id: string, request: CameraUpdateRequest): Promise<Camera> {
    this.authorize('updateCamera', token);
    const found = this.cameras.find((c) => c.id === id);
    if (!found) throw new ConsoleApiError('NOT_FOUND', 'No such camera', 404);
    const updated = { ...found, ...(request.name === undefined ? {} : { name: request.name }) };
    this.cameras = this.cameras.map((c) => (c.id === id ? updated : c));
    return updated;
  }

  async deleteCamera(token: string, id: string): Promise<void> {
    this.authorize('deleteCamera', token);
    this.cameras = this.cameras.filter((c) => c.id !== id);
  }

  async systemInfo(token: string): Promise<SystemInfo> {
    this.authorize('systemInfo', token);
    return this.system;
  }

  protected enter(method: Method): void {
    this.calls.push(method);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  protected authorize(method: Method, token: string): void {
    this.enter(method);
    if (!this.validTokens.has(token)) throw new ConsoleApiError('UNAUTHENTICATED', 'Session expired', 401);
  }
}

/** Records subscriptions; the test plays the server's part. */
export class FakeConsoleEvents implements ConsoleEvents {
  readonly subscriptions: { token: string; handlers: EventStreamHandlers; active: boolean }[] = [];

  subscribe(token: string, handlers: EventStreamHandlers): () => void {
    const subscription = { token, handlers, active: true };
    this.subscriptions.push(subscription);
    return () => {
      subscription.active = false;
    };
  }

  get active() {
    return this.subscriptions.filter((s) => s.active);
  }

  /** The one active subscription's handlers; fails the test when there is none. */
  get current(): EventStreamHandlers {
    const [only, ...others] = this.active;
    if (!only || others.length > 0) throw new Error(`expected one active subscription, found ${this.active.length}`);
    return only.handlers;
  }
}

export function fakeDesktop(info: DesktopConsoleInfo | null): DesktopBridge {
  return { getConsoleInfo: async () => info };
}

export interface Harness {
  api: FakeConsoleApi;
  events: FakeConsoleEvents;
  tokens: TokenStorage;
  notifier: FakeNotifier;
  store: ReturnType<typeof createConsoleStore>;
}

export function createHarness(options: { desktop?: DesktopConsoleInfo | null; savedToken?: string | null } = {}): Harness {
  const api = new FakeConsoleApi();
  const events = new FakeConsoleEvents();
  const tokens = createMemoryTokenStorage(options.savedToken ?? null);
  const notifier = new FakeNotifier();
  const store = createConsoleStore({
    api,
    events,
    tokens,
    notifier,
    desktop: fakeDesktop(options.desktop ?? null),
    now: () => new Date('2024-10-01T12:00:00.000Z'),
  });
  return { api, events, tokens, notifier, store };
}

/** Lets the promise chains the actions start without awaiting settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Signs in through the login action and waits for the first camera list. */
export async function signedIn(harness: Harness): Promise<string> {
  await harness.store.getState().login('admin', harness.api.password);
  await settle();
  const token = harness.store.getState().token;
  if (token === null) throw new Error('login failed in the harness');
  return token;
}
