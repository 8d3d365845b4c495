// A console server on 127.0.0.1 with a fresh database, for the route tests. Not used by
// the core itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { OperatorRole, SystemInfo } from '../../contracts/api';
import { openDatabase } from '../../db/database';
import { CameraGroupsRepo } from '../../db/repos/camera-groups';
import { LayoutsRepo } from '../../db/repos/layouts';
import { OperatorsRepo } from '../../db/repos/operators';
import { EventBus } from '../../events/event-bus';
import { silentLogger } from '../../log/logger';
import { OperatorService } from '../../operators/operator-service';
import type { ConsoleDeps } from './deps';
import { createConsoleServer } from './server';

export interface TestConsole {
  base: string;
  operators: OperatorService;
  /** A session for an existing operator, without the rate-limited login. */
  tokenFor(username: string, role: OperatorRole): string;
  /** fetch with the token as Bearer and a JSON body when given. */
  call(token: string | null, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

const system = (): SystemInfo => ({ version: 't', startedAt: '', listeners: {}, dataDir: '/x', ffmpeg: { path: '', source: 'PATH', version: null } });

/** An admin `admin` (password "correct horse") and a viewer `viewer` exist from the start;
 *  `extra` adds or replaces deps for the route under test. */
export async function startTestConsole(extra: Partial<ConsoleDeps> = {}): Promise<TestConsole> {
  const log = silentLogger();
  const dir = mkdtempSync(join(tmpdir(), 'wink-console-'));
  const db = openDatabase(join(dir, 'wink.db'), log);
  const operators = new OperatorService(new OperatorsRepo(db), log);
  await operators.ensureAdmin('correct horse');
  await operators.createOperator('viewer', 'viewer pass', 'viewer');
  const app: FastifyInstance = await createConsoleServer(
    {
      operators,
      operatorAccounts: operators,
      layouts: new LayoutsRepo(db),
      cameraGroups: new CameraGroupsRepo(db),
      events: new EventBus(log),
      cameras: { list: () => [], get: () => undefined, remove: async () => false },
      system,
      staticDir: null,
      mountHls: () => {},
      ...extra,
    },
    log,
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    base,
    operators,
    tokenFor: (username, role) => operators.issueSession({ username, role }),
    call: jsonCaller(base),
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** Calls the console API at `base` as an operator (token) or anonymously (null), with an
 *  optional JSON body. */
export function jsonCaller(base: string) {
  return (token: string | null, method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
