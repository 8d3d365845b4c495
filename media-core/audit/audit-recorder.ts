import type { AccessEvent, SessionEndReason } from '../contracts/audit';
import type { SessionProgressRecord, SessionStartRecord } from '../db/repos/audit';
import type { AuditWriter } from './audit-writer';

/**
 * What the access plane records, and how durably. Every denial and every session start
 * (with the allow that opened it) is committed before the client gets its answer.
 * Session progress (bytes, requests) and ends are batched: after a crash a session row
 * lacks at most the last flush interval of bytes, and ends at its last sign of life.
 * Allows inside a running session are not rows of their own: the session row counts them.
 */
export class AuditRecorder {
  constructor(private readonly writer: AuditWriter) {}

  decision(e: AccessEvent): Promise<void> {
    if (e.result === 'allow' && !e.sessionStart && e.protocol !== 'api') return Promise.resolve();
    return this.writer.addDurable({ t: 'decision', e });
  }

  sessionStarted(s: SessionStartRecord): Promise<void> {
    return this.writer.addDurable({ t: 'start', s });
  }

  sessionProgress(p: SessionProgressRecord): void {
    this.writer.add({ t: 'progress', p });
  }

  sessionEnded(p: SessionProgressRecord, endedAt: number, reason: SessionEndReason): void {
    this.writer.add({ t: 'end', p, endedAt, reason });
  }
}
