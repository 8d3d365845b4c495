import type { Camera, ConsoleEvent, Operator, SystemInfo } from '../../contracts/api';

/** What the console server needs from the rest of the core; the core wires it in. */
export interface ConsoleOperators {
  login(
    username: string,
    password: string,
    clientIp: string,
  ): Promise<
    | { ok: true; token: string; operator: Operator; expiresIn: number }
    | { ok: false; reason: 'invalid' }
    | { ok: false; reason: 'rate-limited'; retryAfterSec: number }
  >;
  authenticate(token: string | undefined): Operator | null;
  logout(token: string): void;
}

export interface ConsoleCameras {
  list(): Camera[];
  get(id: string): Camera | undefined;
  remove(id: string): Promise<boolean>;
}

export interface ConsoleEvents {
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

export interface ConsoleDeps {
  operators: ConsoleOperators;
  cameras: ConsoleCameras;
  events: ConsoleEvents;
  system(): SystemInfo;
  /** Built console web app (index.html and assets), or null when it was not built. */
  staticDir: string | null;
  /** Mounts the operators' HLS routes (`/hls/...`) on the console listener. */
  mountHls(app: import('fastify').FastifyInstance, authenticate: (token: string | undefined) => Operator | null): void;
}
