import type { AuditDecisionRow, AuditPage, AuditQuery, AuditSessionRow } from '../contracts/audit';
import type { AuditRepo } from '../db/repos/audit';
import type { AuditWriter } from './audit-writer';
import { csvLine, jsonLine } from './export';

const DECISION_COLUMNS = ['id', 'at', 'protocol', 'camera', 'ip', 'userAgent', 'partnerId', 'partnerName', 'tokenId', 'method', 'kind', 'result', 'code', 'reason', 'sessionId'] as const;
const SESSION_COLUMNS = ['id', 'partnerId', 'partnerName', 'tokenId', 'method', 'camera', 'protocol', 'ip', 'userAgent', 'startedAt', 'lastSeenAt', 'endedAt', 'bytes', 'requests', 'endReason'] as const;
const EXPORT_PAGE = 1000;

export type AuditKind = 'decisions' | 'sessions';

/** Reads of the audit trail for the console: filtered pages, newest first, and exports. */
export class AuditQueries {
  constructor(
    private readonly repo: AuditRepo,
    private readonly writer: AuditWriter,
  ) {}

  decisions(q: AuditQuery): AuditPage<AuditDecisionRow> {
    // What was recorded a moment ago is part of the answer.
    this.writer.flush();
    const items = this.repo.decisions(q, q.limit);
    return { items, next: items.length === q.limit ? String(items.at(-1)!.id) : null };
  }

  sessions(q: AuditQuery): AuditPage<AuditSessionRow> {
    this.writer.flush();
    const rows = this.repo.sessions(q, q.limit);
    return { items: rows.map(({ seq: _seq, ...r }) => r), next: rows.length === q.limit ? String(rows.at(-1)!.seq) : null };
  }

  /** Every matching row as CSV (with a header) or JSON lines, read page by page so a
   *  large export neither holds the database nor memory. */
  async *export(kind: AuditKind, q: AuditQuery, format: 'csv' | 'jsonl'): AsyncGenerator<string> {
    this.writer.flush();
    const columns = kind === 'decisions' ? DECISION_COLUMNS : SESSION_COLUMNS;
    if (format === 'csv') yield csvLine(columns);
    let before = q.before;
    for (;;) {
      const page = kind === 'decisions' ? this.decisionsPage(q, before) : this.sessionsPage(q, before);
      let chunk = '';
      for (const row of page.rows) {
        const r = row as unknown as Record<string, unknown>;
        chunk += format === 'csv' ? csvLine(columns.map((c) => r[c])) : jsonLine(row);
      }
      if (chunk) yield chunk;
      if (page.next === null) return;
      before = page.next;
      // Let segment requests run between pages.
      await new Promise((r) => setImmediate(r));
    }
  }

  private decisionsPage(q: AuditQuery, before: string | undefined) {
    const rows = this.repo.decisions({ ...q, before }, EXPORT_PAGE);
    return { rows, next: rows.length === EXPORT_PAGE ? String(rows.at(-1)!.id) : null };
  }

  private sessionsPage(q: AuditQuery, before: string | undefined) {
    const raw = this.repo.sessions({ ...q, before }, EXPORT_PAGE);
    return { rows: raw.map(({ seq: _seq, ...r }) => r), next: raw.length === EXPORT_PAGE ? String(raw.at(-1)!.seq) : null };
  }
}
