// A console server on 127.0.0.1 with only the deps a route test gives (plus operators
// `admin` and `viewer`), for route files whose deps the shared testing.ts does not wire.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../db/database';
import { CameraGroupsRepo } from '../../db/repos/camera-groups';
import { LayoutsRepo } from '../../db/repos/layouts';
import { OperatorsRepo } from '../../db/repos/operators';
import { EventBus } from '../../events/event-bus';
import { silentLogger } from '../../log/logger';
import { OperatorService } from '../../operators/operator-service';
import type { ConsoleDeps } from './deps';
import { createConsoleServer } from './server';
import { jsonCaller } from './testing';

export interface ConsoleWith {
  admin: string;
  viewer: string;
  /** fetch with the token as Bearer and a JSON body when given. */
  call(token: string | null, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function startConsoleWith(extra: Partial<ConsoleDeps>): Promise<ConsoleWith> {
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
      system: () => ({ version: 't', startedAt: '', listeners: {}, dataDir: '/x', ffmpeg: { path: '', source: 'PATH', version: null } }),
      staticDir: null,
      mountHls: () => {},
      ...extra,
    },
    log,
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    admin: operators.issueSession({ username: 'admin', role: 'admin' }),
    viewer: operators.issueSession({ username: 'viewer', role: 'viewer' }),
    call: jsonCaller(base),
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
