// Test support: a running core's partner and console APIs, as a partner integration and
// an operator script would call them.
import type { PartnerCreateRequest } from '../../media-core/contracts/partner-requests';
import type { PartnerCreated } from '../../media-core/contracts/partners';
import { loginAs, spawnCore, waitFor, type CoreProcess, type SpawnOptions } from '../fixtures/core-process';

export interface CoreWithApis {
  core: CoreProcess;
  /** http://127.0.0.1:<partner port> */
  partnerBase: string;
  httpPort: number;
  adminToken: string;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  createPartner(req: PartnerCreateRequest): Promise<PartnerCreated>;
  /** Waits until the camera's playlist answers 200 with the given query. */
  waitForPlaylist(camera: string, query: string): Promise<string>;
}

export async function startCoreWithApis(opts: SpawnOptions = {}): Promise<CoreWithApis> {
  const core = await spawnCore(opts);
  const httpPort = Number(core.listen.http!.split(':').pop());
  const partnerBase = `http://127.0.0.1:${httpPort}`;
  const adminToken = await loginAs(core.consoleUrl);
  const api: CoreWithApis['api'] = async (method, path, body) => {
    const r = await fetch(new URL(path, core.consoleUrl), {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (CSV, JSON lines, empty).
    }
    return { status: r.status, body: parsed as never, headers: r.headers };
  };
  return {
    core,
    partnerBase,
    httpPort,
    adminToken,
    api,
    createPartner: async (req) => {
      const r = await api<PartnerCreated>('POST', '/api/v1/partners', req);
      if (r.status !== 201) throw new Error(`partner not created: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    waitForPlaylist: (camera, query) =>
      waitFor(
        `${camera} playlist`,
        async () => {
          const r = await fetch(`${partnerBase}/hls/${camera}/playlist.m3u8?${query}`);
          return r.status === 200 ? r.text() : undefined;
        },
        45_000,
        500,
      ),
  };
}
