import { describe, expect, it } from 'vitest';
import { createConsoleApi, eventsUrl, operatorPlaylistUrl } from './consoleApi';
import { ConsoleApiError } from './consoleApiError';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init });
    return answer();
  }) as typeof fetch;
  return { seen, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function rejection(promise: Promise<unknown>): Promise<ConsoleApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsoleApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('console API client', () => {
  it('posts the credentials as JSON to the login endpoint, same origin by default', async () => {
    const { seen, fetchImpl } = fakeFetch(() => json(200, { token: 't', operator: { username: 'admin', role: 'admin' }, expiresIn: 60 }));
    const api = createConsoleApi({ fetch: fetchImpl });

    const answer = await api.login({ username: 'admin', password: 'pw' });

    expect(answer.token).toBe('t');
    expect(seen[0]?.url).toBe('/api/v1/auth/login');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(seen[0]?.init?.body))).toEqual({ username: 'admin', password: 'pw' });
    expect((seen[0]?.init?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('sends the session token as a Bearer header', async () => {
    const { seen, fetchImpl } = fakeFetch(() => json(200, []));
    const api = createConsoleApi({ fetch: fetchImpl, baseUrl: 'http://127.0.0.1:9' });

    await api.listCameras('secret');

    expect(seen[0]?.url).toBe('http://127.0.0.1:9/api/v1/cameras');
    expect((seen[0]?.init?.headers as Record<string, string>).authorization).toBe('Bearer secret');
  });

  it('escapes camera ids in paths', async () => {
    const { seen, fetchImpl } = fakeFetch(() => json(200, {}));

    await createConsoleApi({ fetch: fetchImpl }).getCamera('t', 'a/b c');

    expect(seen[0]?.url).toBe('/api/v1/cameras/a%2Fb%20c');
  });

  it('turns an error body into an error carrying the API code and message', async () => {
    const { fetchImpl } = fakeFetch(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Invalid username or password' } }));

    const error = await rejection(createConsoleApi({ fetch: fetchImpl }).login({ username: 'a', password: 'b' }));

    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('Invalid username or password');
    expect(error.status).toBe(401);
  });

  it('reads Retry-After from a rate-limited answer', async () => {
    const { fetchImpl } = fakeFetch(() => json(429, { error: { code: 'RATE_LIMITED', message: 'Slow down' } }, { 'retry-after': '4' }));

    const error = await rejection(createConsoleApi({ fetch: fetchImpl }).login({ username: 'a', password: 'b' }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(4);
  });

  it('derives the code from the status when the body is not an API error', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 503, statusText: 'Service Unavailable' }));

    const error = await rejection(createConsoleApi({ fetch: fetchImpl }).systemInfo('t'));

    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('Service Unavailable');
  });

  it('reports NETWORK when the core does not answer at all', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));

    const error = await rejection(createConsoleApi({ fetch: fetchImpl }).me('t'));

    expect(error.code).toBe('NETWORK');
    expect(error.status).toBe(0);
  });

  it('accepts an empty logout answer', async () => {
    const { fetchImpl } = fakeFetch(() => new Response(null, { status: 204 }));

    await expect(createConsoleApi({ fetch: fetchImpl }).logout('t')).resolves.toBeUndefined();
  });

  it('builds the token-carrying URLs for HLS and the event stream', () => {
    expect(operatorPlaylistUrl('demo-1', 'a+b')).toBe('/hls/demo-1/playlist.m3u8?token=a%2Bb');
    expect(eventsUrl('a+b')).toBe('/api/v1/events?token=a%2Bb');
  });
});
