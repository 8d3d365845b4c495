import { useEffect } from 'react';
import { auditExportUrl } from '../../services/auditApi';
import type { AuditKind } from '../../services/auditApi';
import { AuditIcon, ChevronLeftIcon, ChevronRightIcon, DownloadIcon, RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { AUDIT_PAGE_SIZE, auditQuery, auditSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import './audit.css';

const KINDS: { id: AuditKind; label: string }[] = [
  { id: 'decisions', label: 'Access decisions' },
  { id: 'sessions', label: 'Sessions' },
];

/** The audit trail: every access decision and every session, searched and paged on the
 *  core (newest first), exported as CSV exactly as filtered. */
export function AuditSection() {
  const kind = useConsoleStore(auditSelectors.kind);
  const filters = useConsoleStore(auditSelectors.filters);
  const rows = useConsoleStore(auditSelectors.rows);
  const page = useConsoleStore(auditSelectors.page);
  const hasOlder = useConsoleStore(auditSelectors.hasOlder);
  const hasNewer = useConsoleStore(auditSelectors.hasNewer);
  const loadState = useConsoleStore(auditSelectors.loadState);
  const error = useConsoleStore(auditSelectors.error);
  const token = useConsoleStore(sessionSelectors.token);
  const loadAudit = useConsoleStore((s) => s.loadAudit);
  const setKind = useConsoleStore((s) => s.setAuditKind);
  const older = useConsoleStore((s) => s.olderAuditPage);
  const newer = useConsoleStore((s) => s.newerAuditPage);
  const loadPartners = useConsoleStore((s) => s.loadPartners);

  useEffect(() => {
    void loadAudit();
    void loadPartners();
  }, [loadAudit, loadPartners]);

  const exportUrl = token === null ? null : auditExportUrl(kind, auditQuery(filters, kind), token);
  const first = page * AUDIT_PAGE_SIZE + 1;

  let body;
  if (rows && rows.items.length > 0) {
    body = (
      <div className={`audit__table-wrap${loadState === 'loading' ? ' audit__table-wrap--loading' : ''}`}>
        <AuditTable rows={rows} />
      </div>
    );
  } else if (loadState === 'error') {
    body = (
      <StateMessage tone="danger" role="alert" icon={<WarningIcon size={24} />} title="Could not search the audit trail" action={<button type="button" className="button" onClick={() => void loadAudit()}><RefreshIcon size={16} /> Try again</button>}>
        {error}
      </StateMessage>
    );
  } else if (rows) {
    body = (
      <StateMessage icon={<AuditIcon size={24} />} title="Nothing recorded matches">
        Widen the time range or clear a filter. Every access decision and every partner session is recorded here as it happens.
      </StateMessage>
    );
  } else {
    body = <StateMessage icon={<Spinner size={24} />} title="Searching the audit trail…" role="status" />;
  }

  return (
    <div className="audit" data-testid="audit-section">
      <div className="audit__head">
        <div className="tabs" role="tablist">
          {KINDS.map((k) => (
            <button key={k.id} type="button" role="tab" className="tabs__tab" aria-selected={k.id === kind} onClick={() => void setKind(k.id)}>
              {k.label}
            </button>
          ))}
        </div>
        <span className="audit__spacer" />
        {exportUrl && (
          <a className="button button--small" href={exportUrl} download data-testid="audit-export" title="Every row that matches the search, not only this page">
            <DownloadIcon size={14} /> Export CSV
          </a>
        )}
      </div>
      <AuditFilters key={kind} kind={kind} />
      {body}
      {rows && rows.items.length > 0 && (
        <div className="audit__pager">
          <span className="audit__muted tabular" data-testid="audit-range">
            {loadState === 'loading' && <Spinner size={12} />} Rows {first}–{first + rows.items.length - 1}, newest first
          </span>
          <button type="button" className="button button--small" onClick={() => void newer()} disabled={!hasNewer || loadState === 'loading'}>
            <ChevronLeftIcon size={14} /> Newer
          </button>
          <button type="button" className="button button--small" onClick={() => void older()} disabled={!hasOlder || loadState === 'loading'} data-testid="audit-older">
            Older <ChevronRightIcon size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
