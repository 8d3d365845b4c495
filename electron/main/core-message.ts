import type { CoreToShellMessage } from '../contracts/core-messages';

/** Checks a message from the core at run time: the core is another program (and another
 *  build), so its messages are untrusted input until they have the contract's shape. */
export function parseCoreMessage(raw: unknown): CoreToShellMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const msg = raw as Record<string, unknown>;
  if (msg.type === 'ready') {
    const { listen, consoleUrl, operatorToken } = msg;
    if (!isStringRecord(listen)) return null;
    if (typeof consoleUrl !== 'string' || !isHttpUrl(consoleUrl)) return null;
    if (typeof operatorToken !== 'string' || operatorToken === '') return null;
    return { type: 'ready', listen: { ...listen }, consoleUrl, operatorToken };
  }
  if (msg.type === 'status') {
    const cameras = msg.cameras as Record<string, unknown> | null | undefined;
    const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (!cameras || !count(cameras.total) || !count(cameras.live) || !count(msg.unreadAlerts)) return null;
    return { type: 'status', cameras: { total: cameras.total as number, live: cameras.live as number }, unreadAlerts: msg.unreadAlerts as number };
  }
  if (msg.type === 'fatal') {
    if (typeof msg.reason !== 'string') return null;
    return { type: 'fatal', reason: msg.reason };
  }
  return null;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === 'string');
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
