// A console server with the deps a route test gives, and sessions for `admin` and
// `viewer` ready to use: the shape the newer route tests prefer.
import type { ConsoleDeps } from './deps';
import { startTestConsole } from './testing';

export interface ConsoleWith {
  admin: string;
  viewer: string;
  /** fetch with the token as Bearer and a JSON body when given. */
  call(token: string | null, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function startConsoleWith(extra: Partial<ConsoleDeps>): Promise<ConsoleWith> {
  const c = await startTestConsole(extra);
  return { admin: c.tokenFor('admin', 'admin'), viewer: c.tokenFor('viewer', 'viewer'), call: c.call, close: c.close };
}
