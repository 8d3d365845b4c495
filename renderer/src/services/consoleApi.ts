import { API_PREFIX } from '../../../media-core/contracts/api';
import type { Camera, CameraCreateRequest, CameraUpdateRequest, LoginRequest, LoginResponse, Operator, SystemInfo } from '../../../media-core/contracts/api';
import { ConsoleApiError, codeForStatus, isErrorBody, parseRetryAfter } from './consoleApiError';
import { createAlertsApi } from './alertsApi';
import type { AlertsApi } from './alertsApi';
import { createAuditApi } from './auditApi';
import type { AuditApi } from './auditApi';
import { createOperatorsApi } from './operatorsApi';
import type { OperatorsApi } from './operatorsApi';
import { createPartnersApi } from './partnersApi';
import type { PartnersApi } from './partnersApi';
import { createSessionsApi } from './sessionsApi';
import { createSettingsApi } from './settingsApi';
import type { SettingsApi } from './settingsApi';
import type { SessionsApi } from './sessionsApi';
import { createWallApi } from './wallApi';
import type { WallApi } from './wallApi';

/** The typed console-API client. The only module of the renderer that calls fetch. */
export interface ConsoleApi extends WallApi, OperatorsApi, PartnersApi, SessionsApi, AlertsApi, AuditApi, SettingsApi {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(token: string): Promise<void>;
  me(token: string): Promise<Operator>;
  listCameras(token: string): Promise<Camera[]>;
  getCamera(token: string, id: string): Promise<Camera>;
  /** Admins: add, edit and delete cameras. */
  createCamera(token: string, request: CameraCreateRequest): Promise<Camera>;
  updateCamera(token: string, id: string, request: CameraUpdateRequest): Promise<Camera>;
  deleteCamera(token: string, id: string): Promise<void>;
  systemInfo(token: string): Promise<SystemInfo>;
}

export interface ConsoleApiOptions {
  /** '' (default) means same origin: the core serves the console and the API together. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string;
  body?: unknown;
}

/** One API call: resolves with the parsed JSON answer (undefined for 204), rejects with a
 *  ConsoleApiError. The feature clients (wallApi, operatorsApi) are built on it. */
export type ApiRequest = <T>(path: string, options?: RequestOptions) => Promise<T>;

export function createConsoleApi(options: ConsoleApiOptions = {}): ConsoleApi {
  const baseUrl = options.baseUrl ?? '';
  // Bound late so tests and the browser can swap the global after construction.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(path: string, { method = 'GET', token, body }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${API_PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new ConsoleApiError('NETWORK', `The media core did not answer (${detail}).`, 0);
    }

    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  return {
    login: (credentials) => request<LoginResponse>('/auth/login', { method: 'POST', body: credentials }),
    logout: async (token) => {
      await request<unknown>('/auth/logout', { method: 'POST', token });
    },
    me: (token) => request<Operator>('/auth/me', { token }),
    listCameras: (token) => request<Camera[]>('/cameras', { token }),
    getCamera: (token, id) => request<Camera>(`/cameras/${encodeURIComponent(id)}`, { token }),
    createCamera: (token, body) => request<Camera>('/cameras', { method: 'POST', token, body }),
    updateCamera: (token, id, body) => request<Camera>(`/cameras/${encodeURIComponent(id)}`, { method: 'PATCH', token, body }),
    deleteCamera: async (token, id) => {
      await request<unknown>(`/cameras/${encodeURIComponent(id)}`, { method: 'DELETE', token });
    },
    systemInfo: (token) => request<SystemInfo>('/system', { token }),
    ...createWallApi(request),
    ...createOperatorsApi(request),
    ...createPartnersApi(request),
    ...createSessionsApi(request),
    ...createAlertsApi(request),
    ...createAuditApi(request),
    ...createSettingsApi(request),
  };
}

async function errorFrom(response: Response): Promise<ConsoleApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not our JSON error body (a proxy page, an empty answer): fall back to the status.
  }
  if (isErrorBody(body)) {
    return new ConsoleApiError(body.error.code, body.error.message ?? response.statusText, response.status, retryAfter);
  }
  const message = response.statusText || `HTTP ${response.status}`;
  return new ConsoleApiError(codeForStatus(response.status), message, response.status, retryAfter);
}

/** The operator HLS playlist of a camera; the URIs inside already carry the token. */
export function operatorPlaylistUrl(cameraId: string, token: string, baseUrl = ''): string {
  return `${baseUrl}/hls/${encodeURIComponent(cameraId)}/playlist.m3u8?token=${encodeURIComponent(token)}`;
}

/** A recent still of the camera for tiles and lists (an <img> cannot send headers). */
export function cameraSnapshotUrl(cameraId: string, token: string, baseUrl = ''): string {
  return `${baseUrl}${API_PREFIX}/cameras/${encodeURIComponent(cameraId)}/snapshot.jpg?token=${encodeURIComponent(token)}`;
}

/** EventSource cannot send headers, so the live-event stream takes the token in the query. */
export function eventsUrl(token: string, baseUrl = ''): string {
  return `${baseUrl}${API_PREFIX}/events?token=${encodeURIComponent(token)}`;
}
