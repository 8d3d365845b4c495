import { useState } from 'react';
import type { AuditKind } from '../../services/auditApi';
import { SearchIcon } from '../../components/icons';
import { EMPTY_AUDIT_FILTERS, auditSelectors, cameraSelectors, partnerSelectors, useConsoleStore } from '../../store';
import type { AuditFilters as Filters } from '../../store';

const PROTOCOLS = [
  { value: 'hls', label: 'HLS' },
  { value: 'rtsp', label: 'RTSP' },
  { value: 'rtmp', label: 'RTMP' },
  { value: 'srt', label: 'SRT' },
  { value: 'api', label: 'OTP API' },
];

/** The search form of the audit trail; applied with Search (or Enter), not per key. */
export function AuditFilters({ kind }: { kind: AuditKind }) {
  const applied = useConsoleStore(auditSelectors.filters);
  const partners = useConsoleStore(partnerSelectors.all);
  const cameraIds = useConsoleStore(cameraSelectors.ids);
  const search = useConsoleStore((s) => s.searchAudit);
  const [draft, setDraft] = useState<Filters>(applied);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <form
      className="audit-filters"
      data-testid="audit-filters"
      onSubmit={(e) => {
        e.preventDefault();
        void search(draft);
      }}
    >
      <label className="audit-filters__field">
        <span>Partner</span>
        <select className="select" value={draft.partner} onChange={(e) => set('partner', e.target.value)} aria-label="Partner">
          <option value="">Any</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filters__field">
        <span>Camera</span>
        <select className="select" value={draft.camera} onChange={(e) => set('camera', e.target.value)} aria-label="Camera">
          <option value="">Any</option>
          {cameraIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filters__field">
        <span>Address</span>
        <input className="field__input audit-filters__input mono" value={draft.ip} onChange={(e) => set('ip', e.target.value)} placeholder="Any" aria-label="Address" />
      </label>
      <label className="audit-filters__field">
        <span>Protocol</span>
        <select className="select" value={draft.protocol} onChange={(e) => set('protocol', e.target.value)} aria-label="Protocol">
          <option value="">Any</option>
          {PROTOCOLS.filter((p) => kind === 'decisions' || p.value !== 'api').map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'decisions' && (
        <label className="audit-filters__field">
          <span>Result</span>
          <select className="select" value={draft.result} onChange={(e) => set('result', e.target.value as Filters['result'])} aria-label="Result">
            <option value="">Any</option>
            <option value="allow">Allowed</option>
            <option value="deny">Denied</option>
          </select>
        </label>
      )}
      <label className="audit-filters__field">
        <span>From</span>
        <input className="field__input audit-filters__input" type="datetime-local" value={draft.from} onChange={(e) => set('from', e.target.value)} aria-label="From" />
      </label>
      <label className="audit-filters__field">
        <span>Until</span>
        <input className="field__input audit-filters__input" type="datetime-local" value={draft.to} onChange={(e) => set('to', e.target.value)} aria-label="Until" />
      </label>
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--small button--primary" data-testid="audit-search">
          <SearchIcon size={14} /> Search
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            void search(EMPTY_AUDIT_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
